export * from './classifications.ts';
export * from './subjects.ts';
export * from './pelapor.ts';
export * from './sanctions.ts';
export * from './skb2022.ts';
export * from './uuPilkada.ts';
export * from './routing.ts';
export * from './instansi.ts';

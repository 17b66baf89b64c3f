// Small SQL fragments shared by repositories.

/**
 * A Kemendagri code column lying within a region: the region itself or anything beneath it
 * ('16' holds '16.02' and '16.02.05', not '160…'). `param` is an already-bound placeholder.
 */
export function withinRegionSql(column: string, param: string): string {
  return `(${column} = ${param} OR ${column} LIKE ${param} || '.%')`;
}

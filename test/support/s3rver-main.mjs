// A real S3-protocol server (s3rver, MIT, npm devDependency) in its own process, so a test can
// kill it mid-upload. Usage: node s3rver-main.mjs DIR BUCKET [PORT]; prints "S3 LISTENING <port>".
import S3rver from 's3rver';

const [dir, bucket, port = '0'] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: Number(port), silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
const address = await server.run();
process.stdout.write(`S3 LISTENING ${address.port}\n`);
process.on('SIGTERM', () => server.close().finally(() => process.exit(0)));

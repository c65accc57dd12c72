// bench:startup's reference server (not part of the product): bare Fastify serving one static
// sign-in page, started like serve mode (its own Node process through tsx) and announcing its
// address the same way (`LABFLOW_URL=…`), so the two start-ups differ only in what the host does.
//   node --import tsx bench/startup/bare-server.ts
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

const app = Fastify();
await app.register(fastifyStatic, { root: `${import.meta.dirname}/bare-page` });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`LABFLOW_URL=${address}/`);
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

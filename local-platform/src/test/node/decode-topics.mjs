// A downstream team's consumer: kafkajs reads the platform's topics and the Confluent registry
// client (@kafkajs/confluent-schema-registry) decodes each value from its schema id. Nothing of
// the Reservas code base is used. Prints one JSON line per event; stops on SIGTERM.
//
//   node decode-topics.mjs <bootstrap servers> <registry URL> [<key>]
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

const [brokers, registryUrl, onlyKey] = process.argv.slice(2);
if (!brokers || !registryUrl) {
  console.error('usage: node decode-topics.mjs <bootstrap servers> <registry URL> [<key>]');
  process.exit(2);
}

const registry = new SchemaRegistry({ host: registryUrl });
const kafka = new Kafka({
  clientId: 'downstream-team',
  brokers: brokers.split(','),
  logLevel: logLevel.ERROR,
});
const consumer = kafka.consumer({ groupId: `downstream-team-${process.pid}-${Date.now()}` });

const header = (message, name) => message.headers?.[name]?.toString() ?? null;

await consumer.connect();
await consumer.subscribe({
  topics: ['reservations.events', 'payments.events', 'suppliers.events'],
  fromBeginning: true,
});
await consumer.run({
  eachMessage: async ({ topic, message }) => {
    const key = message.key?.toString() ?? null;
    if (onlyKey && key !== onlyKey) {
      return;
    }
    const event = await registry.decode(message.value);
    console.log(JSON.stringify({
      topic,
      key,
      schemaId: message.value.readInt32BE(1),
      headers: { eventId: header(message, 'eventId'), eventType: header(message, 'eventType') },
      event,
    }));
  },
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    await consumer.disconnect();
    process.exit(0);
  });
}

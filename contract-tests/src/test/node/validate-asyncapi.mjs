// Parses and validates an AsyncAPI document with the AsyncAPI parser (spec rules, $refs, the Avro
// payloads through the Avro schema parser). Prints every diagnostic; exits 1 on any error or
// warning, 0 when the document is clean.
//
//   node validate-asyncapi.mjs <path to asyncapi.yaml>
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

const [path] = process.argv.slice(2);
if (!path) {
  console.error('usage: node validate-asyncapi.mjs <path to asyncapi.yaml>');
  process.exit(2);
}

const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());
const { document, diagnostics } = await fromFile(parser, path).parse();

const names = { 0: 'error', 1: 'warning', 2: 'information', 3: 'hint' };
for (const d of diagnostics) {
  console.log(`${names[d.severity]} ${d.code} at ${d.path.join('.') || '(root)'}: ${d.message}`);
}
const problems = diagnostics.filter(
  (d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
if (!document || problems.length > 0) {
  console.log(`INVALID: ${problems.length} error(s) or warning(s)`);
  process.exit(1);
}
const messages = document.allMessages().all().map((m) => m.id());
console.log(`VALID: AsyncAPI ${document.version()}, ${document.channels().length} channels, `
  + `${messages.length} messages: ${messages.join(' ')}`);

/**
 * The fake HubSpot for the sync bench, in a process of its own so the server's work runs
 * beside the sync rather than inside its event loop (the machine has two cores): a world
 * of N deals with about six changes each, served on 127.0.0.1. Prints one JSON line
 * `{url, token, deals}` once listening; exits when its stdin closes.
 */
import { FakeHubSpot } from '../mock-crm/hubspot';
import { populate } from '../mock-crm/world';

const deals = Number(process.argv[2] ?? 100_000);
const fake = new FakeHubSpot();
populate(fake.world, deals, {
  start: Date.parse('2025-06-01T00:00:00Z'),
  spanMs: 360 * 86_400_000,
  events: 6,
  seed: 5,
});
const url = await fake.start();
process.stdout.write(`${JSON.stringify({ url, token: fake.token, deals })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void fake.stop().then(() => process.exit(0)));

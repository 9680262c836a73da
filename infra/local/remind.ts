/**
 * `npm run remind -- --date YYYY-MM-DD [--dry-run] [--json]`: runs the reminders of one local date against the
 * running local stack (`npm start`: DynamoDB Local on MC_PORT_DYNAMO, default 8000), every open cycle
 * whatever its send time. With `--dry-run` it shows what would be sent, to whom and why, recording and
 * sending nothing. E-mails land in the local mailbox (MC_PORT_MAILBOX, default 8025). A webhook is used when
 * WEBHOOK_URL and WEBHOOK_SECRET are set.
 */
import { parseArgs } from 'node:util';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './engines.ts';
import { TABLE_NAME } from './stack.ts';

const USAGE = 'npm run remind -- --date YYYY-MM-DD [--dry-run] [--cycle <cycleId>] [--json]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      date: { type: 'string' },
      cycle: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const date = values.date;
  if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) {
    console.error(`✖ --date phải có dạng YYYY-MM-DD / must be YYYY-MM-DD\n  ${USAGE}`);
    return 2;
  }
  const dynamoPort = Number(process.env.MC_PORT_DYNAMO ?? 8000);
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: process.env.TABLE_NAME ?? TABLE_NAME,
    BUCKET_NAME: process.env.BUCKET_NAME ?? 'minhchung-evidence-local',
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? `http://localhost:${dynamoPort}`,
    MAILER: 'local',
    APP_URL: process.env.APP_URL ?? `http://localhost:${process.env.MC_PORT_WEB ?? 5173}`,
  });
  try {
    await fetch(process.env.DYNAMODB_ENDPOINT!, { signal: AbortSignal.timeout(2000) });
  } catch {
    console.error(
      `✖ Không kết nối được DynamoDB Local (${process.env.DYNAMODB_ENDPOINT}). Chạy "npm start" trước.\n  Cannot reach DynamoDB Local: start the local stack with "npm start" first.`,
    );
    return 1;
  }
  // Loaded after the environment is set: the adapters read it once.
  const { reminderDeps } = await import('#composition/reminder-deps.ts');
  const { runReminders } = await import('#usecases/reminders.ts');
  const result = await runReminders(reminderDeps(), {
    date,
    dryRun: values['dry-run'],
    cycleId: values.cycle,
  });
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  console.log(
    `\nNhắc việc ngày ${result.date}${result.dryRun ? ' — CHẠY THỬ, không gửi / DRY RUN, nothing sent' : ''}: ${result.planned} thư / message(s)\n`,
  );
  for (const m of result.messages)
    console.log(
      `  ${m.outcome.padEnd(12)} ${m.channel.padEnd(7)} ${m.to}\n               ${m.subject}\n               ↳ ${m.reason}`,
    );
  for (const n of result.notes) console.log(`  · ${n.message.vi}`);
  if (!result.dryRun && result.planned > 0)
    console.log(
      `\n  Hộp thư cục bộ / local mailbox: http://localhost:${process.env.MC_PORT_MAILBOX ?? 8025}/?date=${result.date}`,
    );
  console.log('');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

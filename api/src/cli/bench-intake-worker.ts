import { parentPort, workerData } from 'node:worker_threads';
import { withCheckDigit } from '@adaldesk/libs';
import { BenchClient } from './bench-http.js';

/**
 * The intake load of `npm run bench`, in a thread of its own so that building and sending requests
 * does not take the event loop of the API it measures (real clients are other machines).
 */
export interface IntakeLoad {
  base: string;
  token: string;
  /** Region, category and organisation of every appeal sent. */
  place: { regionId: string; categoryId: string; organisationId: string };
  sentences: string[];
  concurrency: number;
  seconds: number;
}

export interface IntakeResult {
  statuses: Record<number, number>;
  durations: number[];
  firstFailure: string | null;
  elapsedSeconds: number;
}

async function run({ base, token, place, sentences, concurrency, seconds }: IntakeLoad): Promise<IntakeResult> {
  let serial = 0;
  const body = () => {
    serial += 1;
    let iin: string | null = null;
    for (let attempt = serial; !iin; attempt += 1)
      iin = withCheckDigit(`8503154${String(attempt % 10_000).padStart(4, '0')}`);
    return JSON.stringify({
      channel: 'portal',
      kind: 'complaint',
      receivedAt: new Date().toISOString(),
      ...place,
      description: sentences[serial % sentences.length].replace(/\{\w+\}/g, '45'),
      anonymous: false,
      confidential: false,
      applicantName: 'Ахметова Айгүл Серікқызы',
      applicantIin: iin,
      applicantPhone: '+7 701 123 45 67',
    });
  };
  const statuses: Record<number, number> = {};
  const durations: number[] = [];
  let firstFailure: string | null = null;
  const client = new BenchClient(base);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const started = Date.now();
  const stopAt = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < stopAt) {
        const start = performance.now();
        const response = await client.send('POST', '/appeals', headers, body());
        durations.push(performance.now() - start);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (response.status !== 201) firstFailure ??= response.body.toString('utf8').slice(0, 300);
      }
    }),
  );
  client.close();
  return { statuses, durations, firstFailure, elapsedSeconds: (Date.now() - started) / 1000 };
}

parentPort?.postMessage(await run(workerData as IntakeLoad));

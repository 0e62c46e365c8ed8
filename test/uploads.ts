/** Uploading files in API tests: a real PNG and a multipart body for app.inject. */
import type { Agent } from './helpers.js';

/** A real 1×1 PNG. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

export function multipart(filename: string, data: Buffer, mime = 'application/octet-stream') {
  const boundary = '----gonghui' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`, 'utf8');
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** POST /api/v1/attachments as this agent. */
export async function upload(agent: Agent, filename: string, data: Buffer) {
  const m = multipart(filename, data);
  return agent.inject({ method: 'POST', url: '/api/v1/attachments', payload: m.payload, headers: m.headers });
}

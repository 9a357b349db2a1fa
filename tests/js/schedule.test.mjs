import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageOf, warn, yieldIfBusy, yieldToPage } from '../../js/schedule.js';

test('yieldToPage resolves in a later task, after the microtasks already queued', async () => {
  const order = [];
  const yielded = yieldToPage().then(() => order.push('postchart'));
  Promise.resolve().then(() => order.push('microtask'));
  queueMicrotask(() => order.push('microtask'));
  await yielded;
  assert.deepEqual(order, ['microtask', 'microtask', 'postchart']);
});

test('yieldIfBusy does not yield right after a yield', async () => {
  await yieldToPage();
  let other = false;
  setImmediate(() => (other = true));
  await yieldIfBusy();
  assert.equal(other, false);
});

test('a warning never throws, even from a console that does', () => {
  const original = console.warn;
  console.warn = () => {
    throw new Error('broken console');
  };
  try {
    assert.doesNotThrow(() => warn(new Error('x')));
  } finally {
    console.warn = original;
  }
  assert.equal(messageOf('plain'), 'plain');
  assert.equal(messageOf(new Error('boom')), 'boom');
});

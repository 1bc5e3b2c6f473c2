// The vendor's official JS SDK (@voucherify/sdk, pinned in .ci/tools) against the standalone sandbox.
//   node js-lifecycle.mjs lifecycle URL   walks a customer's whole life through client.customers
//   node js-lifecycle.mjs seeded URL SEED reads what SEED (started with --seed SEED) put there
// Every step asserts the fields it relies on and prints one line; the first failed assertion exits non-zero.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// The SDK is installed with the other pinned CI tools, in .ci/tools/node_modules.
const { VoucherifyServerSide } = createRequire(new URL('../tools/package.json', import.meta.url))('@voucherify/sdk');

const [mode, apiUrl, seedFile] = process.argv.slice(2);
assert.ok(['lifecycle', 'seeded'].includes(mode) && apiUrl, 'usage: js-lifecycle.mjs lifecycle|seeded URL [SEED]');
const client = VoucherifyServerSide({ apiUrl, applicationId: 'sandbox-app-id', secretKey: 'sandbox-secret-key' });

async function step(name, run) {
  const started = Date.now();
  let detail;
  try {
    detail = await run();
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message}`);
    throw error;
  }
  console.log(`ok  ${name} (${Date.now() - started} ms)${detail ? `: ${detail}` : ''}`);
}

function skip(name, reason) {
  console.log(`--  ${name} skipped: ${reason}`);
}

async function waitDone(asyncActionId, type) {
  for (let i = 0; i < 200; i++) {
    const action = await client.asyncActions.get(asyncActionId);
    assert.equal(action.id, asyncActionId);
    assert.equal(action.type, type);
    assert.ok(['ENQUEUED', 'IN_PROGRESS', 'DONE'].includes(action.status), `${type}: status ${action.status}`);
    if (action.status === 'DONE') return action;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  assert.fail(`${type} ${asyncActionId} was not DONE after 20 s`);
}

async function lifecycle() {
  const sourceId = `js-sdk-${Date.now()}`;
  let id;
  await step('customers.create', async () => {
    const created = await client.customers.create({
      source_id: sourceId, name: 'Jane Roe', email: 'jane@example.com',
      address: { city: 'Gdansk', country: 'PL' }, metadata: { tier: 'silver' },
    });
    assert.match(created.id, /^cust_/);
    assert.equal(created.object, 'customer');
    assert.equal(created.source_id, sourceId);
    assert.equal(created.name, 'Jane Roe');
    assert.equal(created.address.city, 'Gdansk');
    assert.deepEqual(created.metadata, { tier: 'silver' });
    id = created.id;
    return id;
  });
  await step('customers.create (upsert, same source_id)', async () => {
    const upserted = await client.customers.create({ source_id: sourceId, phone: '+48 600 000 000' });
    assert.equal(upserted.id, id, 'the same source_id must upsert the same customer');
    assert.equal(upserted.name, 'Jane Roe', 'an upsert keeps what it does not send');
    assert.equal(upserted.phone, '+48 600 000 000');
  });
  await step('customers.get (by id and by source_id)', async () => {
    for (const key of [id, sourceId]) {
      const got = await client.customers.get(key);
      assert.equal(got.id, id);
      assert.equal(got.email, 'jane@example.com');
      assert.equal(got.summary.orders.total_amount, 0);
    }
  });
  await step('customers.update', async () => {
    const updated = await client.customers.update({ source_id: sourceId, name: 'Jane Doe', metadata: { tier: 'gold' } });
    assert.equal(updated.id, id);
    assert.equal(updated.name, 'Jane Doe');
    assert.deepEqual(updated.metadata, { tier: 'gold' });
    assert.ok(updated.updated_at, 'an updated customer has updated_at');
  });
  await step('customers.list (email filter)', async () => {
    const list = await client.customers.list({ email: 'jane@example.com', limit: 10 });
    assert.equal(list.object, 'list');
    assert.equal(list.data_ref, 'customers');
    assert.equal(list.total, 1);
    assert.deepEqual(list.customers.map(c => c.id), [id]);
  });
  await step('customers.listActivity', async () => {
    const activity = await client.customers.listActivity(sourceId, { limit: 10, order: 'created_at' });
    assert.equal(activity.object, 'list');
    assert.equal(activity.data_ref, 'data');
    const types = activity.data.map(e => e.type);
    assert.deepEqual(types.slice(0, 2), ['customer.created', 'customer.updated'], `activity: ${types}`);
    return types.join(', ');
  });
  skip('customers.listActivities', 'the deprecated GET /v1/customers/{id}/activities is not in the API reference the sandbox serves');
  await step('customers.listRedeemables', async () => {
    const redeemables = await client.customers.listRedeemables(id, { limit: 5 });
    assert.equal(redeemables.object, 'list');
    assert.equal(redeemables.total, 0);
    assert.deepEqual(redeemables.data, []);
    assert.equal(redeemables.has_more, false);
  });
  await step('segments.list (customer segments)', async () => {
    const segments = await client.segments.list(id);
    assert.equal(segments.object, 'list');
    assert.equal(segments.total, 0);
    assert.deepEqual(segments.data, []);
  });
  const importedSourceId = `${sourceId}-csv`;
  await step('customers.importCSV + asyncActions.get until DONE', async () => {
    const csv = join(mkdtempSync(join(tmpdir(), 'js-sdk-')), 'customers.csv');
    writeFileSync(csv, `Source_id,Name,Email,Address_City,plan\n${importedSourceId},Csv Person,csv@example.com,Krakow,pro\n`);
    const started = await client.customers.importCSV(csv);
    assert.match(started.async_action_id, /^aa_/);
    const done = await waitDone(started.async_action_id, 'CUSTOMERS.IMPORT_CSV');
    assert.equal(done.result.done_count, 1, JSON.stringify(done.result));
    assert.equal(done.result.failed_count, 0);
    const imported = await client.customers.get(importedSourceId);
    assert.equal(imported.name, 'Csv Person');
    assert.equal(imported.address.city, 'Krakow');
    assert.deepEqual(imported.metadata, { plan: 'pro' });
  });
  await step('customers.updateInBulk + asyncActions.get until DONE', async () => {
    const started = await client.customers.updateInBulk([
      { source_id: sourceId, name: 'Jane Bulk' },
      { source_id: importedSourceId, email: 'csv.bulk@example.com' },
    ]);
    assert.match(started.async_action_id, /^aa_/);
    const done = await waitDone(started.async_action_id, 'CUSTOMERS.BULK_UPDATE');
    assert.equal(done.result.done_count, 2, JSON.stringify(done.result));
    assert.equal(done.result.failed_count, 0);
    assert.deepEqual(done.result.errors, []);
    assert.ok(done.result.reports_available_till, 'a bulk-update result names reports_available_till');
    assert.equal((await client.customers.get(sourceId)).name, 'Jane Bulk');
    assert.equal((await client.customers.get(importedSourceId)).email, 'csv.bulk@example.com');
  });
  await step('customers.updateMetadataInBulk + asyncActions.get until DONE', async () => {
    const started = await client.customers.updateMetadataInBulk({ source_ids: [sourceId, importedSourceId], metadata: { cohort: 'js' } });
    const done = await waitDone(started.async_action_id, 'CUSTOMERS.METADATA_UPDATE');
    assert.deepEqual(done.result.errors, [], JSON.stringify(done.result));
    assert.deepEqual((await client.customers.get(sourceId)).metadata, { tier: 'gold', cohort: 'js' });
    assert.deepEqual((await client.customers.get(importedSourceId)).metadata, { plan: 'pro', cohort: 'js' });
  });
  await step('customers.delete', async () => {
    // A 204 has no body; axios hands the SDK '' for it where the SDK's types say undefined.
    assert.ok(!(await client.customers.delete(importedSourceId)));
    await assert.rejects(client.customers.get(importedSourceId), error => error.code === 404 && error.key === 'not_found');
  });
  await step('customers.deletePermanently', async () => {
    const deletion = await client.customers.deletePermanently(id);
    assert.match(deletion.id, /^del_/);
    assert.equal(deletion.related_object_id, id);
    assert.equal(deletion.related_object, 'customer');
    assert.equal(deletion.object, 'pernament_deletion');
    assert.equal(deletion.status, 'DONE');
    await assert.rejects(client.customers.get(id), error => error.code === 404);
  });
}

async function seeded() {
  const seed = JSON.parse(readFileSync(seedFile, 'utf8')).customers;
  for (const expected of seed) {
    await step(`customers.get ${expected.source_id}`, async () => {
      const got = await client.customers.get(expected.source_id);
      assert.match(got.id, /^cust_/);
      assert.equal(got.name, expected.name);
      assert.equal(got.email, expected.email);
      if (expected.address) assert.deepEqual({ city: got.address.city, country: got.address.country }, expected.address);
      assert.deepEqual(got.metadata, expected.metadata ?? {});
      // The same instant: the sandbox writes microseconds where the seed (and the real API) has milliseconds.
      if (expected.created_at) assert.equal(Date.parse(got.created_at), Date.parse(expected.created_at));
    });
    await step(`segments.list ${expected.source_id}`, async () => {
      const segments = await client.segments.list(expected.source_id);
      const want = expected.segments ?? [];
      assert.equal(segments.total, want.length);
      assert.deepEqual(segments.data.map(s => ({ id: s.id, name: s.name })), want);
      assert.ok(segments.data.every(s => s.object === 'segment'));
    });
    await step(`customers.listRedeemables ${expected.source_id}`, async () => {
      const redeemables = await client.customers.listRedeemables(expected.source_id, { limit: 100 });
      const want = expected.redeemables ?? [];
      assert.equal(redeemables.total, want.length);
      assert.deepEqual(redeemables.data.map(r => r.id), want.map(r => r.id));
      for (const [i, r] of redeemables.data.entries()) {
        for (const key of ['redeemable_id', 'redeemable_object', 'holder_role', 'campaign_id', 'campaign_type', 'voucher_type']) {
          assert.equal(r[key], want[i][key], `${r.id}.${key}`);
        }
        assert.equal(Date.parse(r.created_at), Date.parse(want[i].created_at), `${r.id}.created_at`);
        assert.equal(r.redeemable.status, want[i].redeemable.status);
        assert.deepEqual(r.redeemable.voucher, want[i].redeemable.voucher);
      }
    });
    await step(`customers.listActivity ${expected.source_id}`, async () => {
      const activity = await client.customers.listActivity(expected.source_id, { limit: 100, order: 'created_at' });
      const want = expected.activity ?? [];
      // The seeded events come first; the sandbox adds none for a seeded customer until something changes it.
      const summary = events => events.map(e => [e.type, Date.parse(e.created_at), e.data]);
      assert.deepEqual(summary(activity.data.slice(0, want.length)), summary(want));
    });
  }
  const inSeed = id => seed.filter(c => (c.segments ?? []).some(s => s.id === id)).map(c => c.source_id).sort();
  await step('customers.list (segment_id filter)', async () => {
    const vips = await client.customers.list({ segment_id: 'seg_vip', order: 'source_id' });
    assert.deepEqual(vips.customers.map(c => c.source_id), inSeed('seg_vip'));
    assert.equal(vips.total, inSeed('seg_vip').length);
  });
  await step('customers.scroll (created_at cursor, both directions)', async () => {
    const all = [];
    for await (const customer of client.customers.scroll({ order: 'created_at', limit: 2 })) all.push(customer.source_id);
    const newestFirst = [];
    for await (const customer of client.customers.scroll({ limit: 2 })) newestFirst.push(customer.source_id);
    // The seed's customers with their own created_at are the oldest; carol's is the load time.
    assert.deepEqual(all.slice(0, 3), ['crm-alice', 'crm-bob', 'crm-carol']);
    assert.deepEqual(newestFirst, [...all].reverse());
    return `${all.length} customers`;
  });
  await step('customers.listRedeemables (filters: gift vouchers)', async () => {
    const gifts = await client.customers.listRedeemables('crm-alice', { filters: { voucher_type: { conditions: { $in: ['GIFT_VOUCHER'] } } } });
    assert.deepEqual(gifts.data.map(r => r.redeemable.voucher.code), ['GIFT-ALICE']);
  });
  await step('customers.listActivity (category EFFECT)', async () => {
    const effects = await client.customers.listActivity('crm-alice', { category: 'EFFECT' });
    assert.deepEqual(effects.data.map(e => e.type), ['customer.rewarded.loyalty_points']);
  });
}

await (mode === 'lifecycle' ? lifecycle() : seeded());
console.log(`${mode}: every step passed`);

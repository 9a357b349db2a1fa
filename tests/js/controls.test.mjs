import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartCsv, fileName } from '../../js/controls.js';

test('the CSV has the label as the table names it, a stated fall as a negative value, and a BOM', () => {
  const chart = {
    spec: { unit: '亿元', points: [{ label: '甲', value: 12, scale: 1, sign: 1 }, { label: '乙, "丙"', value: 3.5, scale: 1, sign: -1, unit: '%' }] },
    rows: [['甲区', '12亿元'], ['乙, "丙"', '下降3.5%']],
  };
  const lines = chartCsv(chart).split('\r\n');
  assert.equal(lines[0], '\uFEFFlabel,value,scale,unit,figure');
  assert.equal(lines[1], '甲区,12,1,亿元,12亿元');
  assert.equal(lines[2], '"乙, ""丙""",-3.5,1,%,下降3.5%');
});

test('a file name keeps the title, without characters a file system refuses', () => {
  assert.equal(fileName({ title: 'Jobs: up / down?' }, 'png'), 'Jobs-up-down-.png');
  assert.equal(fileName({ title: '' }, 'csv'), 'chart.csv');
});

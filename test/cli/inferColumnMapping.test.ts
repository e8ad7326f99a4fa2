import { describe, expect, it } from 'vitest';
import { inferColumnMapping } from '../../src/cli/inferColumnMapping.js';

describe('inferColumnMapping', () => {
  it('finds the columns of the sample and of CDNOW_master.txt by their names', () => {
    expect(inferColumnMapping(['transaction_id', 'customer_id', 'date', 'amount', 'kind', 'refund_of'], {})).toEqual({
      id: 'transaction_id',
      customerId: 'customer_id',
      at: 'date',
      amount: 'amount',
      kind: 'kind',
      refundOf: 'refund_of',
    });
    expect(inferColumnMapping(['customer_id', 'date', 'number_of_cds', 'dollar_value'], {})).toEqual({ customerId: 'customer_id', at: 'date', amount: 'dollar_value' });
  });

  it('lets --columns win and never maps one column twice', () => {
    expect(inferColumnMapping(['date', 'order_date', 'customer', 'value'], { at: 'order_date', dateFormat: 'iso' })).toEqual({
      customerId: 'customer',
      at: 'order_date',
      amount: 'value',
      dateFormat: 'iso',
    });
    expect(inferColumnMapping(['date'], { customerId: 'date' })).toEqual({ customerId: 'date' });
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import type { Customer, CustomerInput } from './customer.js';
import type { Transaction, TransactionInput } from './transaction.js';
import type { Channel } from './channel.js';

describe('input and output types', () => {
  it('accepts loose input and produces strict output', () => {
    expectTypeOf<CustomerInput['id']>().toEqualTypeOf<string | number>();
    expectTypeOf<Customer['id']>().toEqualTypeOf<string>();
    expectTypeOf<Customer['createdAt']>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<TransactionInput['at']>().toEqualTypeOf<string | number | Date>();
    expectTypeOf<Transaction['at']>().toEqualTypeOf<Date>();
    expectTypeOf<Transaction['kind']>().toEqualTypeOf<'purchase' | 'refund'>();
  });

  it('keeps known channel names while accepting any identifier', () => {
    expectTypeOf<'email'>().toExtend<Channel>();
    expectTypeOf<'in_app'>().toExtend<Channel>();
  });
});

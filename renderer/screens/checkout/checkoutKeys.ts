/** The checkout's keys, shown on its buttons and listed in the help overlay (F1). */
export const CHECKOUT_KEYS = {
  focusScan: 'F2',
  search: 'F3',
  customer: 'F4',
  lineDiscount: 'F6',
  price: 'Shift+F6',
  saleDiscount: 'F7',
  quantity: 'F8',
  pay: 'F9',
  addAnyway: 'F10',
  print: 'Ctrl+P',
  voidSale: 'Ctrl+Delete',
  more: '+',
  less: '-',
  remove: 'Delete',
  up: 'ArrowUp',
  down: 'ArrowDown',
} as const;

/** The heading the help overlay lists the checkout's keys under. */
export const CHECKOUT_GROUP = 'checkout.group' as const;

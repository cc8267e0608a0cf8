/** Mount point for the cashier's checkout; the checkout area replaces this with the real screen. */
export function CheckoutScreen(): React.JSX.Element {
  return (
    <section className="screen-checkout" aria-labelledby="checkout-heading">
      <h1 id="checkout-heading">Checkout</h1>
    </section>
  );
}

/** A key combination as the user presses it, e.g. `Alt+1` → <kbd>Alt</kbd>+<kbd>1</kbd>. */
export function Kbd({ keys }: { readonly keys: string }): React.JSX.Element {
  // Split on "+" between keys, but keep a lone "+" key intact.
  const parts = keys === '+' ? ['+'] : keys.split(/\+(?=.)/);
  return (
    <span className="kbd-combo">
      {parts.map((part, index) => (
        <span key={`${part}-${index}`}>
          {index > 0 ? '+' : null}
          <kbd>{part}</kbd>
        </span>
      ))}
    </span>
  );
}

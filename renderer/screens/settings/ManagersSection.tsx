import { useCallback, useEffect, useState } from 'react';
import type { ManagerList } from '../../../shared/contract/approval';
import { listManagers, removeManager, setManager, type ManagerFailure, type ManagerOutcome } from '../../api/managers';
import { managerFailureText } from '../../components/approval/ManagerApproval';
import { useT } from '../../i18n/useT';
import { ManagerPinForm, RemoveManagerForm } from './ManagerForms';

type Editing = { readonly kind: 'change' | 'remove'; readonly name: string } | null;

/**
 * Who may approve discounts beyond the limits, price changes and Queue voids. Names only come from
 * main; every change after the first manager needs an existing manager's PIN (checked in main).
 */
export function ManagersSection(): React.JSX.Element {
  const t = useT();
  const [managers, setManagers] = useState<ManagerList['managers'] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    const result = await listManagers();
    if (result.ok) {
      setManagers(result.value.managers);
      setLoadError(null);
    } else {
      setLoadError(managerFailureText(t, result.failure));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Takes main's new list on success; answers the form with the refusal otherwise. */
  const apply = async (call: Promise<ManagerOutcome<ManagerList>>, success: string): Promise<ManagerFailure | null> => {
    const result = await call;
    if (!result.ok) {
      setDone(null);
      return result.failure;
    }
    setManagers(result.value.managers);
    setEditing(null);
    setDone(success);
    return null;
  };

  const list = managers ?? [];
  return (
    <section className="card" aria-labelledby="managers-heading" data-testid="settings-managers">
      <h2 id="managers-heading">{t('approval.managers.title')}</h2>
      <p className="muted">{t('approval.managers.explain')}</p>
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {t('approval.managers.loadFailed', { message: loadError })}
        </p>
      ) : null}
      {done ? (
        <p className="notice notice-success" role="status" data-testid="managers-done">
          {done}
        </p>
      ) : null}
      {managers && list.length === 0 ? <p data-testid="managers-none">{t('approval.managers.none')}</p> : null}
      {list.length > 0 ? (
        <ul className="manager-list" data-testid="managers-list">
          {list.map(({ name }) => (
            <li key={name} data-testid={`manager-${name}`}>
              <div className="button-row">
                <strong className="select-grow">{name}</strong>
                <button type="button" className="button" onClick={() => setEditing({ kind: 'change', name })} data-testid="manager-change">
                  {t('approval.managers.changePin')}
                </button>
                <button type="button" className="button button-danger-outline" onClick={() => setEditing({ kind: 'remove', name })} data-testid="manager-remove">
                  {t('approval.managers.remove')}
                </button>
              </div>
              {editing?.name === name && editing.kind === 'change' ? (
                <ManagerPinForm
                  t={t}
                  name={name}
                  needsApprover
                  onSubmit={(_, pin, approverPin) => apply(setManager(name, pin, approverPin), t('approval.managers.changed', { name }))}
                  onCancel={() => setEditing(null)}
                />
              ) : null}
              {editing?.name === name && editing.kind === 'remove' ? (
                <RemoveManagerForm
                  t={t}
                  name={name}
                  onSubmit={(approverPin) => apply(removeManager(name, approverPin), t('approval.managers.removed', { name }))}
                  onCancel={() => setEditing(null)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {managers ? (
        <>
          <h3>{t('approval.managers.add')}</h3>
          <ManagerPinForm
            // A fresh form once the first manager exists: it then asks for an approver's PIN.
            key={list.length === 0 ? 'first' : 'more'}
            t={t}
            name={null}
            needsApprover={list.length > 0}
            onSubmit={(name, pin, approverPin) => apply(setManager(name, pin, approverPin), t('approval.managers.added', { name }))}
            onCancel={null}
          />
        </>
      ) : null}
    </section>
  );
}

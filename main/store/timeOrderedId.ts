/**
 * Ids for rows that arrive all day and stay for weeks: completed sales (with their outbox and shift
 * rows, keyed by the same id) and the drafts they start as. A UUIDv7 (RFC 9562) begins with the
 * time, so each new key lands at the end of its index; a random UUIDv4 put every sale on another
 * page of an index that grows with the backlog, and each WAL checkpoint had to write all those
 * scattered pages back — a sale's commit slowed as the offline queue grew (issue 20).
 */
export { v7 as timeOrderedId } from 'uuid';

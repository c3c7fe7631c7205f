import type { Database } from 'better-sqlite3';

export const roles = ['support', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface StaffMember {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
}

export interface Session {
  staff: StaffMember;
  csrf: string;
  createdAt: string;
  seenAt: string;
}

/** SQL for staff accounts, sessions and failed-login counts. */
export function createStaffStorage(db: Database) {
  const columns = 'id, email, role, created_at AS createdAt';
  const byEmail = db.prepare(`SELECT ${columns}, password_hash AS passwordHash FROM staff WHERE email = ?`);
  const list = db.prepare(`SELECT ${columns} FROM staff ORDER BY email`);
  const insert = db.prepare('INSERT INTO staff (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM staff WHERE email = ?');
  const setPassword = db.prepare('UPDATE staff SET password_hash = ? WHERE email = ?');
  const dropSessionsOf = db.prepare('DELETE FROM sessions WHERE staff_id = (SELECT id FROM staff WHERE email = ?)');
  const addSession = db.prepare(
    'INSERT INTO sessions (token_hash, staff_id, csrf, created_at, seen_at) VALUES (?, ?, ?, ?, ?)',
  );
  const session = db.prepare(`
    SELECT s.csrf, s.created_at AS createdAt, s.seen_at AS seenAt, m.id, m.email, m.role, m.created_at AS staffCreatedAt
    FROM sessions s JOIN staff m ON m.id = s.staff_id WHERE s.token_hash = ?`);
  const touch = db.prepare('UPDATE sessions SET seen_at = ? WHERE token_hash = ?');
  const endSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const failures = db.prepare('SELECT failures, last_at AS lastAt FROM login_failures WHERE key = ?');
  const fail = db.prepare(`INSERT INTO login_failures (key, failures, last_at) VALUES (?, 1, ?)
    ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_at = excluded.last_at`);
  const forgive = db.prepare('DELETE FROM login_failures WHERE key = ?');

  return {
    findByEmail: (email: string) => byEmail.get(email) as (StaffMember & { passwordHash: string }) | undefined,
    list: () => list.all() as StaffMember[],
    add: (email: string, role: Role, passwordHash: string, at: string) =>
      void insert.run(email, role, passwordHash, at),
    remove: (email: string) => remove.run(email).changes > 0,
    /** A new password ends every session of the account. */
    resetPassword: (email: string, passwordHash: string) =>
      db.transaction(() => {
        dropSessionsOf.run(email);
        return setPassword.run(passwordHash, email).changes > 0;
      })(),
    startSession: (tokenHash: string, staffId: number, csrf: string, at: string) =>
      void addSession.run(tokenHash, staffId, csrf, at, at),
    session(tokenHash: string): Session | undefined {
      const row = session.get(tokenHash) as
        | {
            csrf: string;
            createdAt: string;
            seenAt: string;
            id: number;
            email: string;
            role: Role;
            staffCreatedAt: string;
          }
        | undefined;
      if (!row) return undefined;
      return {
        csrf: row.csrf,
        createdAt: row.createdAt,
        seenAt: row.seenAt,
        staff: { id: row.id, email: row.email, role: row.role, createdAt: row.staffCreatedAt },
      };
    },
    touchSession: (tokenHash: string, at: string) => void touch.run(at, tokenHash),
    endSession: (tokenHash: string) => void endSession.run(tokenHash),
    failures: (key: string) => failures.get(key) as { failures: number; lastAt: string } | undefined,
    recordFailure: (key: string, at: string) => void fail.run(key, at),
    forgive: (key: string) => void forgive.run(key),
  };
}

export type StaffStorage = ReturnType<typeof createStaffStorage>;

"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import { buttonClass } from "@ultramarket/ui";
import { FormAlert, SelectField, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Card, dangerButtonClass } from "~/components/ui";
import type { Role } from "~/lib/roles";
import { isRole, isStaff, ROLE_LABELS, ROLES } from "~/lib/roles";

interface Target {
  id: string;
  name: string;
  role: Role;
  disabled: boolean;
  deleted: boolean;
}

export function UserActions({ user, sessionCount, viewer }: { user: Target; sessionCount: number; viewer: { id: string; role: Role } }) {
  const isSelf = user.id === viewer.id;
  const isSuper = viewer.role === "SUPER_ADMIN";
  return (
    <div className="space-y-6">
      <RoleCard user={user} isSelf={isSelf} isSuper={isSuper} />
      <AccountCard user={user} isSelf={isSelf} isSuper={isSuper} />
      <SessionsCard user={user} isSelf={isSelf} sessionCount={sessionCount} />
    </div>
  );
}

function Note({ children }: { children: string }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}

function RoleCard({ user, isSelf, isSuper }: { user: Target; isSelf: boolean; isSuper: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const changeRole = useMutation(
    trpc.users.changeRole.mutationOptions({
      onSuccess: (result) => {
        setConfirming(false);
        setDone(`Role changed to ${ROLE_LABELS[result.role]}. Their sessions have ended.`);
        router.refresh();
      },
    }),
  );
  // Only a super admin may grant or take away ADMIN / SUPER_ADMIN (the API enforces it too).
  const options = ROLES.filter((role) => isSuper || !isStaff(role));

  let blocked: string | null = null;
  if (user.deleted) blocked = "Deleted accounts cannot be changed.";
  else if (isSelf) blocked = "You cannot change your own role.";
  else if (isStaff(user.role) && !isSuper) blocked = "Only a super admin can change an admin's role.";

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    changeRole.reset();
    setDone(null);
    setConfirming(true);
  }

  return (
    <Card title="Role">
      {blocked ? (
        <Note>{blocked}</Note>
      ) : (
        <form onSubmit={ask} className="space-y-3">
          <FormAlert tone="success" message={done} />
          <FormAlert message={formErrorOf(changeRole.error)} />
          <SelectField
            label="New role"
            name="role"
            value={selected}
            disabled={changeRole.isPending}
            onChange={(event) => {
              if (isRole(event.target.value)) setSelected(event.target.value);
              setConfirming(false);
            }}
          >
            {options.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
                {role === user.role ? " (current)" : ""}
              </option>
            ))}
          </SelectField>
          {confirming ? (
            <div className="space-y-3 rounded-lg bg-amber-50 p-3" role="group" aria-label="Confirm role change">
              <p className="text-sm text-amber-900">
                Change {user.name} from {ROLE_LABELS[user.role]} to {ROLE_LABELS[selected]}? Their sessions end and they must sign in again.
              </p>
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  className={buttonClass("primary")}
                  disabled={changeRole.isPending}
                  aria-busy={changeRole.isPending || undefined}
                  onClick={() => changeRole.mutate({ userId: user.id, role: selected })}
                >
                  {changeRole.isPending ? "Changing…" : "Confirm change"}
                </button>
                <button
                  type="button"
                  className={buttonClass("secondary")}
                  disabled={changeRole.isPending}
                  onClick={() => setConfirming(false)}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="submit" className={buttonClass("secondary")} disabled={selected === user.role}>
              Change role
            </button>
          )}
        </form>
      )}
    </Card>
  );
}

function AccountCard({ user, isSelf, isSuper }: { user: Target; isSelf: boolean; isSuper: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: (_result, input) => {
        setConfirming(false);
        setDone(input.disabled ? "Account disabled; its sessions have ended." : "Account enabled.");
        router.refresh();
      },
    }),
  );

  let blocked: string | null = null;
  if (user.deleted) blocked = "This account was deleted by its owner.";
  else if (isSelf) blocked = "You cannot disable your own account.";
  else if (user.role === "SUPER_ADMIN") blocked = "Super admin accounts cannot be disabled.";
  else if (isStaff(user.role) && !isSuper) blocked = "Only a super admin can disable an admin.";

  function run(disabled: boolean) {
    setDone(null);
    setDisabled.mutate({ userId: user.id, disabled });
  }

  return (
    <Card title="Account">
      {blocked ? (
        <Note>{blocked}</Note>
      ) : (
        <div className="space-y-3">
          <FormAlert tone="success" message={done} />
          <FormAlert message={formErrorOf(setDisabled.error)} />
          {user.disabled ? (
            <>
              <Note>This account is disabled: its owner cannot sign in.</Note>
              <button
                type="button"
                className={buttonClass("primary")}
                disabled={setDisabled.isPending}
                aria-busy={setDisabled.isPending || undefined}
                onClick={() => run(false)}
              >
                {setDisabled.isPending ? "Enabling…" : "Enable account"}
              </button>
            </>
          ) : confirming ? (
            <div className="space-y-3 rounded-lg bg-red-50 p-3" role="group" aria-label="Confirm disabling">
              <p className="text-sm text-red-800">
                Disable {user.name}&apos;s account? They are signed out everywhere and cannot sign in until enabled.
              </p>
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  className={dangerButtonClass()}
                  disabled={setDisabled.isPending}
                  aria-busy={setDisabled.isPending || undefined}
                  onClick={() => run(true)}
                >
                  {setDisabled.isPending ? "Disabling…" : "Disable account"}
                </button>
                <button
                  type="button"
                  className={buttonClass("secondary")}
                  disabled={setDisabled.isPending}
                  onClick={() => setConfirming(false)}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <>
              <Note>Disabling signs the user out everywhere and blocks sign-in.</Note>
              <button
                type="button"
                className={buttonClass("secondary")}
                onClick={() => {
                  setDisabled.reset();
                  setDone(null);
                  setConfirming(true);
                }}
              >
                Disable account…
              </button>
            </>
          )}
        </div>
      )}
    </Card>
  );
}

function SessionsCard({ user, isSelf, sessionCount }: { user: Target; isSelf: boolean; sessionCount: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const endSessions = useMutation(
    trpc.users.endSessions.mutationOptions({
      onSuccess: (result) => {
        setConfirming(false);
        setDone(`Ended ${result.ended} ${result.ended === 1 ? "session" : "sessions"}.`);
        router.refresh();
      },
    }),
  );
  return (
    <Card title="Sessions">
      <div className="space-y-3">
        <FormAlert tone="success" message={done} />
        <FormAlert message={formErrorOf(endSessions.error)} />
        <Note>
          {`${sessionCount} active ${sessionCount === 1 ? "session" : "sessions"}. Ending them signs the user out on every device${isSelf ? ", including this one" : ""}.`}
        </Note>
        {confirming ? (
          <div className="space-y-3 rounded-lg bg-amber-50 p-3" role="group" aria-label="Confirm ending sessions">
            <p className="text-sm text-amber-900">End all of {user.name}&apos;s sessions?</p>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className={dangerButtonClass()}
                disabled={endSessions.isPending}
                aria-busy={endSessions.isPending || undefined}
                onClick={() => endSessions.mutate({ userId: user.id })}
              >
                {endSessions.isPending ? "Ending…" : "End all sessions"}
              </button>
              <button
                type="button"
                className={buttonClass("secondary")}
                disabled={endSessions.isPending}
                onClick={() => setConfirming(false)}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className={buttonClass("secondary")}
            onClick={() => {
              endSessions.reset();
              setDone(null);
              setConfirming(true);
            }}
          >
            End all sessions…
          </button>
        )}
      </div>
    </Card>
  );
}

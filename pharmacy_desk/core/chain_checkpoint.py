"""链校验点: how far the hash chains have been verified, so that ``check`` hashes only newer rows.

After ``check`` has hashed the ledger and the audit trail up to some rows and found them
sound, it appends a checkpoint: an audit row (``OperationKind.CHAIN_VERIFIED``) whose
detail is the head it verified, in ``chain.head()``'s form. The next plain ``check``
starts from the newest checkpoint and hashes only the rows after it; ``check --full``
hashes every row from the first.

What a checkpoint can and cannot vouch for, against someone editing the file with
sqlite3 and the guards dropped:

- The checkpoint is itself a row of the audit chain, after the operation it names, so
  the verification that starts from it hashes it: a checkpoint changed or inserted by a
  plain UPDATE or INSERT breaks the chain at that row, and the check then verifies
  everything from the first row.
- The rows it names must still carry the hashes it recorded, so a chain recomputed after
  an edit below the checkpoint is caught at once.
- An edit of a row below the checkpoint that leaves every stored hash as it was is not
  seen by a plain ``check`` (it trusts the rows it verified before): ``check --full``
  finds it, as it finds anything the chain can.
- Whoever recomputes every hash, checkpoints included, the way this program does, makes
  a chain that holds; that is caught only against a head written down outside the file
  (each backup's record, the day-end slip): ``check --head``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pharmacy_desk.core import audit, chain
from pharmacy_desk.core.db import database
from pharmacy_desk.core.vocabulary import OperationKind


@dataclass(frozen=True)
class Checkpoint:
    operation_id: int  # the audit row that records it
    head: str
    positions: dict[str, chain.Position]


@dataclass(frozen=True)
class Verification:
    """What verifying the chains found: the first broken row, what was wrong with the checkpoint, how far it held."""

    broken: chain.Break | None
    checkpoint_problems: tuple[str, ...]
    reached: dict[str, chain.Position]
    since: Checkpoint | None  # the checkpoint the rows were hashed from; None: from the first row

    @property
    def sound(self) -> bool:
        return self.broken is None and not self.checkpoint_problems


def newest() -> tuple[Checkpoint | None, str | None]:
    """The newest checkpoint, or why the newest one cannot be used (None, None: there is none).

    The audit trail is read backwards from its newest row, so finding a checkpoint costs
    the rows written since it (which the check hashes anyway).
    """
    row = database.execute_sql("SELECT id, detail FROM operation WHERE kind = ? ORDER BY id DESC LIMIT 1",
                               (OperationKind.CHAIN_VERIFIED.value,)).fetchone()
    if row is None:
        return None, None
    operation_id, head = row
    try:
        positions = chain.parse_head(head)
    except ValueError:
        return None, f"操作日志编号 {operation_id} 的校验点无法识别"
    if set(positions) != set(chain.CHAINED) or positions["operation"][0] >= operation_id:
        return None, f"操作日志编号 {operation_id} 的校验点无法识别"
    return Checkpoint(operation_id, head, positions), None


def verify(*, full: bool = False) -> Verification:
    """Verify both chains: from the newest checkpoint, or (``full``, or none usable) from the first row.

    A checkpoint whose rows no longer carry the hashes it recorded, or any broken row after
    it, makes the chains be verified again from the first row, so the report names the
    first broken row however the checkpoint was tampered with.
    """
    since, unusable = (None, None) if full else newest()
    problems = [] if unusable is None else [unusable]
    if since is not None:
        mismatch = chain.head_mismatch(since.head)
        if mismatch is None:
            broken, reached = chain.verify_from(since.positions)
            if broken is None:
                return Verification(None, (), reached, since)
        else:
            problems.append(f"操作日志编号 {since.operation_id} 的校验点：{mismatch}")
    broken, reached = chain.verify_from(None)
    if full:
        problems += checkpoint_mismatches()
    return Verification(broken, tuple(problems), reached, None)


def checkpoint_mismatches() -> list[str]:
    """Every recorded checkpoint whose rows no longer carry the hashes it recorded."""
    problems = []
    rows = database.execute_sql("SELECT id, detail FROM operation WHERE kind = ? ORDER BY id",
                                (OperationKind.CHAIN_VERIFIED.value,))
    for operation_id, head in rows.fetchall():
        mismatch = chain.head_mismatch(head)
        if mismatch is not None:
            problems.append(f"操作日志编号 {operation_id} 的校验点：{mismatch}")
    return problems


def record(verification: Verification) -> None:
    """Append a checkpoint at the rows ``verification`` reached; only for sound chains."""
    if not verification.sound:
        raise ValueError("only a sound chain is recorded as verified")
    reached = verification.reached
    rows = "、".join(f"{chain.TABLE_LABELS[table]}至编号 {reached[table][0]}" for table in chain.CHAINED)
    audit.record(OperationKind.CHAIN_VERIFIED, None, subject=f"{rows}完好",
                 detail=chain.head_text(reached))

/**
 * Incremental findings: after a change to a few notes, only the rule scopes those notes
 * touch are recomputed (the changed notes, notes that reference an id whose goal or
 * mentor appeared or vanished, the duplicated ids involved, and the mentors involved),
 * so one edit costs the same in a notebook of a thousand notes or of a hundred thousand.
 * A property test holds it equal to {@link computeFindings} from scratch.
 */
import type { LocalDate } from '../model/dates';
import type { Finding, Note, ParsedFile } from '../model/types';
import type { Notebook } from '../index/noteIndex';
import {
  byPosition,
  couldSuggest,
  duplicateRule,
  fileRules,
  meetingRules,
  reviewRules,
  RuleContext,
  type RuleOptions,
} from './findings';

/** The ids a note stands for, and the mentor whose meetings it counts in. */
interface Roles {
  readonly goalId?: string;
  readonly mentorId?: string;
  /** The mentor whose meeting rules this note feeds (sessions and mentor notes). */
  readonly meetingMentor?: string;
  /** A self-assessment: it feeds the reviews' scope. */
  readonly review: boolean;
}

/** The scope of the rules that read every self-assessment. */
const REVIEWS = 'reviews';

/** Below this many changed files an update is always incremental. */
const BULK_MIN = 256;

/** Findings kept current incrementally. */
export class FindingsEngine {
  private ctx: RuleContext;
  private readonly perFile = new Map<string, Finding[]>();
  /** Findings of cross-note scopes (`dup:goal:x`, `meet:alex`), by scope. */
  private readonly perScope = new Map<string, Finding[]>();
  /** For each URI, the cross-note scopes that put findings on it. */
  private readonly scopesByUri = new Map<string, Set<string>>();
  /**
   * Each note as the engine last saw it (the index's own objects): what it contributed is
   * worked out again when it changes, rather than kept for every note (10 MB at 100k).
   */
  private readonly seen = new Map<string, ParsedFile>();
  /**
   * For each goal id, the notes whose links name it (read again when the goal goes). A
   * session's `goals:` are not kept: the notebook finds sessions by goal.
   */
  private readonly goalRefs = new Map<string, Set<string>>();
  /** For each mentor id, the notes other than sessions naming it (the notebook finds sessions). */
  private readonly mentorRefs = new Map<string, Set<string>>();
  /**
   * For each goal id that names no goal (links, tags, session goals), the notes naming it:
   * their findings and "did you mean" suggestions change when a goal with that id or a
   * similar one comes or goes.
   */
  private readonly unresolvedRefs = new Map<string, Set<string>>();

  constructor(
    private readonly notebook: Notebook,
    today: LocalDate,
    options: RuleOptions = {},
  ) {
    this.ctx = new RuleContext(notebook, today, options);
    this.rebuild();
  }

  /** Today's date as the engine sees it. */
  get today(): LocalDate {
    return this.ctx.today;
  }

  /** Re-evaluates everything for a new date or new options. Returns every URI with findings before or after. */
  reset(today: LocalDate, options: RuleOptions): Set<string> {
    const before = new Set(this.uris());
    this.ctx = new RuleContext(this.notebook, today, options);
    this.rebuild();
    for (const uri of this.uris()) before.add(uri);
    return before;
  }

  /** The URIs with findings. */
  *uris(): Iterable<string> {
    for (const [uri, list] of this.perFile) if (list.length) yield uri;
    for (const uri of this.scopesByUri.keys()) if (!this.perFile.get(uri)?.length) yield uri;
  }

  /** The findings on `uri`, sorted by position. */
  get(uri: string): Finding[] {
    const own = this.perFile.get(uri) ?? [];
    const scopes = this.scopesByUri.get(uri);
    if (!scopes) return own;
    const all = [...own];
    for (const scope of scopes)
      for (const f of this.perScope.get(scope) ?? []) if (f.uri === uri) all.push(f);
    return all.sort(byPosition);
  }

  /** Every finding, by URI. */
  all(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    for (const uri of this.uris()) out.set(uri, this.get(uri));
    return out;
  }

  /**
   * Brings the findings up to date after `changed` URIs were set or deleted in the
   * notebook. Returns the URIs whose findings may have changed.
   */
  update(changed: Iterable<string>): Set<string> {
    const list = [...changed];
    // A scan that brings in most of the notebook at once: one rebuild is several times
    // cheaper than that many incremental steps, and gives the same findings.
    if (list.length > BULK_MIN && list.length * 4 > this.seen.size + list.length) {
      const touched = new Set<string>(list);
      for (const uri of this.uris()) touched.add(uri);
      this.rebuild();
      for (const uri of this.uris()) touched.add(uri);
      return touched;
    }
    const touched = new Set<string>();
    const files = new Set<string>();
    /** Ids whose goals or mentors changed (duplicate-id scopes to recompute). */
    const goalIds = new Set<string>();
    const mentorIds = new Set<string>();
    /** Ids that may have started or stopped naming a goal or mentor (their referrers are recomputed). */
    const goalSet = new Set<string>();
    const mentorSet = new Set<string>();
    const meetings = new Set<string>();
    let reviews = false;
    for (const uri of list) {
      files.add(uri);
      const before = rolesOf(this.seen.get(uri));
      const file = this.notebook.file(uri);
      const after = rolesOf(file);
      for (const fp of [before, after]) {
        if (!fp) continue;
        if (fp.goalId !== undefined) goalIds.add(fp.goalId);
        if (fp.mentorId !== undefined) mentorIds.add(fp.mentorId);
        if (fp.meetingMentor !== undefined) meetings.add(fp.meetingMentor);
        if (fp.review) reviews = true;
      }
      // Editing a goal or mentor note without changing its id changes nothing for the
      // notes that refer to it.
      if (before?.goalId !== after?.goalId) {
        if (before?.goalId !== undefined) goalSet.add(before.goalId);
        if (after?.goalId !== undefined) goalSet.add(after.goalId);
      }
      if (before?.mentorId !== after?.mentorId) {
        if (before?.mentorId !== undefined) mentorSet.add(before.mentorId);
        if (after?.mentorId !== undefined) mentorSet.add(after.mentorId);
      }
      this.setReferences(uri, file);
    }
    if (goalSet.size) {
      this.ctx.forgetGoals();
      const dependents = new Set<string>();
      for (const id of goalSet) {
        for (const uri of this.goalRefs.get(id) ?? []) dependents.add(uri);
        for (const session of this.notebook.sessionsOfGoal(id)) dependents.add(session.uri);
      }
      // Notes naming an unknown id are read again only when a goal with that id or one
      // close enough to be suggested came or went: creating a goal in a notebook of 100k
      // notes used to re-read every note with an unknown tag (half a second).
      for (const [id, uris] of this.unresolvedRefs) {
        let affected = false;
        for (const goalId of goalSet)
          if ((affected = id === goalId || couldSuggest(id, goalId))) break;
        if (affected) for (const uri of uris) dependents.add(uri);
      }
      for (const uri of dependents) {
        // Whether their ids name goals may have changed with the goals.
        if (!files.has(uri)) this.setReferences(uri, this.notebook.file(uri));
        files.add(uri);
      }
    }
    for (const id of mentorSet) {
      for (const uri of this.mentorRefs.get(id) ?? []) files.add(uri);
      for (const session of this.notebook.sessionsOf(id)) files.add(session.uri);
    }
    // A mentor note changed (its name, say): what notes naming an unknown mentor are
    // told they meant may have changed too. Mentor notes are few and change rarely.
    if (mentorIds.size) {
      for (const [id, uris] of this.mentorRefs)
        if (this.notebook.mentorsById(id).length === 0) for (const uri of uris) files.add(uri);
      // Sessions are found through the notebook's own lookup (it holds their mentor ids).
      for (const id of this.notebook.mentorIds())
        if (this.notebook.mentorsById(id).length === 0)
          for (const session of this.notebook.sessionsOf(id)) files.add(session.uri);
    }
    for (const id of mentorIds) meetings.add(id);
    for (const uri of files) {
      this.computeFile(uri);
      touched.add(uri);
    }
    for (const id of goalIds) this.computeScope(`dup:goal:${id}`, touched);
    for (const id of mentorIds) this.computeScope(`dup:mentor:${id}`, touched);
    for (const id of meetings) this.computeScope(`meet:${id}`, touched);
    if (reviews) this.computeScope(REVIEWS, touched);
    return touched;
  }

  private rebuild(): void {
    // Goals may have come and gone since the last suggestions were worked out.
    this.ctx.forgetGoals();
    this.perFile.clear();
    this.perScope.clear();
    this.scopesByUri.clear();
    this.seen.clear();
    this.goalRefs.clear();
    this.mentorRefs.clear();
    this.unresolvedRefs.clear();
    const sink = new Set<string>();
    for (const file of this.notebook.files()) {
      this.setReferences(file.uri, file);
      this.computeFile(file.uri);
    }
    for (const g of this.notebook.goals()) this.computeScope(`dup:goal:${g.id}`, sink);
    for (const m of this.notebook.mentors()) this.computeScope(`dup:mentor:${m.id}`, sink);
    for (const id of this.notebook.mentorIds()) this.computeScope(`meet:${id}`, sink);
    this.computeScope(REVIEWS, sink);
  }

  private computeFile(uri: string): void {
    const file = this.notebook.file(uri);
    if (!file) {
      this.perFile.delete(uri);
      return;
    }
    const list: Finding[] = [];
    fileRules(this.ctx, file, (f) => f && list.push(f));
    // Kept per note, so no entry for a note without findings (most of them) and exact sizes.
    if (list.length) this.perFile.set(uri, list.sort(byPosition).slice());
    else this.perFile.delete(uri);
  }

  private computeScope(scope: string, touched: Set<string>): void {
    for (const f of this.perScope.get(scope) ?? []) {
      touched.add(f.uri);
      this.scopesByUri.get(f.uri)?.delete(scope);
      if (this.scopesByUri.get(f.uri)?.size === 0) this.scopesByUri.delete(f.uri);
    }
    const list: Finding[] = [];
    const sink = (f: Finding | undefined): void => {
      if (f) list.push(f);
    };
    if (scope.startsWith('dup:')) duplicateRule(this.ctx, scope.slice(4), sink);
    else if (scope === REVIEWS) reviewRules(this.ctx, sink);
    else meetingRules(this.ctx, scope.slice(5), sink);
    if (list.length === 0) {
      this.perScope.delete(scope);
      return;
    }
    this.perScope.set(scope, list);
    for (const f of list) {
      touched.add(f.uri);
      const set = this.scopesByUri.get(f.uri) ?? new Set<string>();
      set.add(scope);
      this.scopesByUri.set(f.uri, set);
    }
  }

  /**
   * Replaces the references of `uri`, as the note was last seen, with those of `file`. The
   * old note's ids are taken out of both goal lookups: whether an id names a goal may have
   * changed since they were added.
   */
  private setReferences(uri: string, file: ParsedFile | undefined): void {
    const old = this.seen.get(uri)?.note;
    if (old) {
      for (const id of namedGoalIds(old)) {
        removeRef(this.goalRefs, id, uri);
        removeRef(this.unresolvedRefs, id, uri);
      }
      const mentor = namedMentor(old);
      if (mentor !== undefined) removeRef(this.mentorRefs, mentor, uri);
    }
    const note = file?.note;
    if (!file || !note) {
      this.seen.delete(uri);
      return;
    }
    for (const item of note.actionItems)
      for (const link of item.links)
        addRef(
          this.notebook.goalsById(link.id).length ? this.goalRefs : this.unresolvedRefs,
          link.id,
          uri,
        );
    if (note.type === 'session')
      for (const g of note.goals)
        if (this.notebook.goalsById(g.value).length === 0)
          addRef(this.unresolvedRefs, g.value, uri);
    const mentor = namedMentor(note);
    if (mentor !== undefined) addRef(this.mentorRefs, mentor, uri);
    this.seen.set(uri, file);
  }
}

function rolesOf(file: ParsedFile | undefined): Roles | undefined {
  const note = file?.note;
  if (!note) return undefined;
  // One shape for every note (absent = undefined).
  return {
    goalId: note.type === 'goal' ? note.id : undefined,
    mentorId: note.type === 'mentor' ? note.id : undefined,
    meetingMentor:
      note.type === 'mentor' ? note.id : note.type === 'session' ? note.mentor?.value : undefined,
    review: note.type === 'review',
  };
}

/** The goal ids `note` names: its items' links and a session's goals (repeats included). */
function* namedGoalIds(note: Note): Iterable<string> {
  for (const item of note.actionItems) for (const link of item.links) yield link.id;
  if (note.type === 'session') for (const g of note.goals) yield g.value;
}

/** The mentor a note other than a session names (sessions are found by mentor in the notebook). */
function namedMentor(note: Note): string | undefined {
  return note.type === 'session' ? undefined : note.mentor?.value;
}

function addRef(map: Map<string, Set<string>>, id: string, uri: string): void {
  const set = map.get(id);
  if (set) set.add(uri);
  else map.set(id, new Set([uri]));
}

function removeRef(map: Map<string, Set<string>>, id: string, uri: string): void {
  const set = map.get(id);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(id);
}

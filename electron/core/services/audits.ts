/**
 * The audit as the app runs it: one run at a time, progress and the result as contract events,
 * cancel, and an MFA code asked through the renderer when a role profile needs one (kept only
 * in memory until the SDK has used it).
 */
import type { AuditOutcome, AuditPlan, AuditProgress } from '../../../shared/auditPlan';
import { AuditFailed, runAudit, type AuditControl } from '../audit/runAudit';
import type { ClientOptions, Credentials } from '../aws/clients';
import { requireCatalog, UserFacingError } from '../errors';
import type { EventBus } from '../events';
import type { Log } from '../log';
import type { SettingsService } from './settings';
import type { SnapshotService } from './snapshots';
import { validInput, validRunOverrides } from './validate';

export interface AuditServiceDeps {
  events: EventBus;
  settings: SettingsService;
  snapshots: SnapshotService;
  clientOptions: ClientOptions;
  /** Credentials that replace the plan's profile (the demo's simulator, tests). */
  credentials?: Credentials;
  log: Log;
}

/** What a host may set for one run, beside cancel and progress; the rest comes from the plan, then the settings. */
export interface AuditRunOptions extends AuditControl {
  catalogEdition?: string;
  scanAgeDays?: number;
  mfaCodeProvider?: (serial: string) => Promise<string>;
}

interface CurrentRun {
  runId: string | null;
  controller: AbortController;
  progress: AuditProgress | null;
  mfa: { serial: string; resolve: (code: string) => void; reject: (err: Error) => void } | null;
  done: Promise<AuditOutcome | null>;
}

export class AuditService {
  #current: CurrentRun | null = null;
  #last: AuditProgress | null = null;

  constructor(private readonly deps: AuditServiceDeps) {}

  status(): AuditProgress | null {
    return this.#current?.progress ?? this.#last;
  }

  /**
   * The audit itself, for every host: collect, evaluate with the chosen edition, save the
   * snapshot. Resolves with the outcome; throws AuditFailed when nothing could be audited.
   */
  run(
    input: AuditPlan,
    { catalogEdition: edition, scanAgeDays: days, mfaCodeProvider, ...control }: AuditRunOptions = {},
  ): Promise<AuditOutcome> {
    const plan = validInput('audit:start', input);
    const { catalogEdition, scanAgeDays } = validRunOverrides({ catalogEdition: edition, scanAgeDays: days });
    const settings = this.deps.settings.read();
    const catalog = requireCatalog(catalogEdition ?? plan.catalogEdition ?? settings.catalogEdition);
    return runAudit(
      plan,
      {
        clientOptions: this.deps.clientOptions,
        ...(this.deps.credentials ? { credentials: this.deps.credentials } : {}),
        ...(mfaCodeProvider ? { mfaCodeProvider } : {}),
        saveSnapshot: (input) => this.deps.snapshots.save(input),
        catalog,
        scanAgeDays: scanAgeDays ?? settings.scanAgeDays,
        log: this.deps.log,
      },
      control,
    );
  }

  /** Starts a run in the background (the app's Run page) and resolves with its id once the first progress event is out. */
  async start(input: AuditPlan): Promise<{ runId: string }> {
    const plan = validInput('audit:start', input);
    if (this.#current) throw new UserFacingError('An audit is already running. Wait for it or cancel it first.');
    // An unknown edition in the plan or the settings is refused before a run exists.
    requireCatalog(plan.catalogEdition ?? this.deps.settings.read().catalogEdition);
    const controller = new AbortController();
    let announce: (runId: string) => void = () => {};
    const started = new Promise<string>((resolve) => (announce = resolve));
    const run: CurrentRun = { runId: null, controller, progress: null, mfa: null, done: Promise.resolve(null) };
    this.#current = run;

    const onProgress = (progress: AuditProgress) => {
      run.runId = progress.runId;
      run.progress = progress;
      announce(progress.runId);
      this.deps.events.emit('audit:progress', progress);
    };
    const mfaCodeProvider = (serial: string) =>
      new Promise<string>((resolve, reject) => {
        run.mfa = { serial, resolve, reject };
        this.deps.events.emit('audit:mfaRequired', { runId: run.runId ?? '', serial });
        controller.signal.addEventListener('abort', () => reject(new Error('Cancelled while waiting for the MFA code.')), { once: true });
      });

    run.done = this.run(plan, { mfaCodeProvider, signal: controller.signal, onProgress, progressIntervalMs: 150 }).then(
      (outcome) => {
        this.#end(run);
        this.deps.events.emit('audit:finished', { runId: outcome.runId, outcome });
        return outcome;
      },
      (err: unknown) => {
        // A full disk's message says where the collected audit was kept (SnapshotSpilledError).
        const explained = err instanceof AuditFailed || err instanceof UserFacingError;
        const message = explained ? err.message : 'The audit failed unexpectedly; see the log.';
        if (!explained) this.deps.log(`audit crashed: ${err instanceof Error ? err.name : 'unknown'}`);
        this.#end(run);
        this.deps.events.emit('audit:finished', { runId: run.runId ?? '', error: message });
        return null;
      },
    );
    return { runId: await Promise.race([started, run.done.then(() => run.runId ?? '')]) };
  }

  /** Before audit:finished goes out, so whoever hears it can start the next audit at once. */
  #end(run: CurrentRun): void {
    this.#last = run.progress;
    if (this.#current === run) this.#current = null;
  }

  cancel(runId: string): boolean {
    const run = this.#current;
    if (!run || run.runId !== runId) return false;
    run.controller.abort();
    return true;
  }

  provideMfa(runId: string, code: string): boolean {
    const run = this.#current;
    if (!run?.mfa || run.runId !== runId) return false;
    run.mfa.resolve(code);
    run.mfa = null;
    return true;
  }

  /** For tests and shutdown: the running audit's end. */
  async settled(): Promise<void> {
    await this.#current?.done;
  }
}

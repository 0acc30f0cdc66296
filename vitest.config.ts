import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The pure tests: no database, no child process, no globalSetup. `npm run test:fast` runs only
 * these; `npm test` runs them and the integration project. Folders whose every test is pure are
 * listed whole; elsewhere a file is listed by name. test/setup/projects.test.ts checks that every
 * test file is in exactly one project, and that these files import no database or process helper.
 */
export const FAST_TESTS = [
  "test/flows/**/*.test.ts",
  "test/locales/**/*.test.ts",
  "test/safety/**/*.test.ts",
  "test/setup/**/*.test.ts",
  "test/cli/run.test.ts",
  "test/config.test.ts",
  "test/dependencies.test.ts",
  "test/i18n-format.test.ts",
  "test/i18n-slack.test.ts",
  "test/i18n.test.ts",
  "test/log.test.ts",
  "test/well-formed.test.ts",
  "test/conversation/answers.test.ts",
  "test/conversation/crisis.test.ts",
  "test/conversation/forget.test.ts",
  "test/conversation/runs.test.ts",
  "test/conversation/runtime.test.ts",
  "test/db/sealed.test.ts",
  "test/domain/chart-message.test.ts",
  "test/domain/client-file-view.test.ts",
  "test/domain/clients.test.ts",
  "test/domain/crisis.test.ts",
  "test/domain/flow-runs.test.ts",
  "test/domain/invites.test.ts",
  "test/domain/ladder.test.ts",
  "test/domain/referrals/labels.test.ts",
  "test/domain/referrals/lifecycle.test.ts",
  "test/domain/referrals/list.test.ts",
  "test/domain/referrals/types.test.ts",
  "test/domain/reminders/buttons.test.ts",
  "test/domain/reminders/plan.test.ts",
  "test/domain/reminders/schedule.test.ts",
  "test/domain/safety/answer.test.ts",
  "test/domain/safety/answers.test.ts",
  "test/domain/safety/detect.test.ts",
  "test/domain/safety/lexicon.test.ts",
  "test/domain/safety/match.test.ts",
  "test/domain/safety/model.test.ts",
  "test/domain/safety/normalise.test.ts",
  "test/domain/safety/rule.test.ts",
  "test/domain/safety/rules-languages.test.ts",
  "test/domain/safety/rules-others.test.ts",
  "test/domain/safety/rules-self.test.ts",
  "test/http/chart-link.test.ts",
  "test/jobs/errors.test.ts",
  "test/jobs/line-up.test.ts",
  "test/jobs/outbox-sender.test.ts",
  "test/jobs/reminders-flow.test.ts",
  "test/jobs/resume.test.ts",
  "test/jobs/telegram-send.test.ts",
  "test/outbox/messages.test.ts",
  "test/outbox/render.test.ts",
  "test/sandbox/files.test.ts",
  "test/sandbox/multipart.test.ts",
  "test/http/ports.test.ts",
  "test/slack/actions/card.test.ts",
  "test/slack/actions/dm.test.ts",
  "test/slack/actions/index.test.ts",
  "test/slack/blocks/card.test.ts",
  "test/slack/blocks/modals.test.ts",
  "test/slack/context.test.ts",
  "test/slack/delivery.test.ts",
  "test/slack/commands/**/*.test.ts",
  "test/slack/events/**/*.test.ts",
  "test/slack/ids.test.ts",
  "test/slack/invite.test.ts",
  "test/slack/log.test.ts",
  "test/slack/manifest-command.test.ts",
  "test/slack/nudge-message.test.ts",
  "test/slack/nudge-sink.test.ts",
  "test/slack/options.test.ts",
  "test/slack/refusals.test.ts",
  "test/slack/report.test.ts",
  "test/slack/sink.test.ts",
  "test/slack/text.test.ts",
  "test/slack/views/aanmelden.test.ts",
  "test/slack/views/forms.test.ts",
  "test/slack/views/index.test.ts",
  "test/slack/views/values.test.ts",
  "test/slack/views/verwijs.test.ts",
  "test/slack/web-api-log.test.ts",
  "test/slack/web.test.ts",
  "test/telegram/sender.test.ts",
];

/**
 * The slowest integration files, slowest first (a clean-clone CI run of 2 December 2026: crash-talk
 * 234 s for both databases, then 57, 36, 35 and 32 s). They start first, so that the run does not
 * end on one of them while the other workers have nothing left; the other files follow in Vitest's
 * own order (longest first when it has durations from an earlier run, else largest first).
 */
export const SLOWEST_FIRST = [
  "test/jobs/crash-talk-postgres.test.ts",
  "test/jobs/crash-talk-pglite.test.ts",
  "test/fuzz/fuzz.test.ts",
  "test/jobs/three-instances.test.ts",
  "test/telegram/promises.test.ts",
  "test/telegram/conversations.e2e.test.ts",
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (s: TestSpecification) => {
      const i = SLOWEST_FIRST.indexOf(path.relative(this.ctx.config.root, s.moduleId).split(path.sep).join("/"));
      return i < 0 ? SLOWEST_FIRST.length : i;
    };
    const group = (s: TestSpecification) => s.project.config.sequence.groupOrder;
    return sorted
      .map((spec, at) => ({ spec, at }))
      .sort((a, b) => group(a.spec) - group(b.spec) || rank(a.spec) - rank(b.spec) || a.at - b.at)
      .map((x) => x.spec);
  }
}

export default defineConfig({
  test: {
    environment: "node",
    // Each worker opens its own embedded PostgreSQL (WebAssembly): separate processes keep
    // their memory apart and are reclaimed after the run.
    pool: "forks",
    testTimeout: 30_000,
    // A fixed data key for the tests' PostgreSQL databases and child processes (not a secret).
    env: { KOERS_DATA_KEY: "test:S29lcnMgdGVzdCBrZXksIG5vdCBhIHNlY3JldC4uLi4=" },
    hookTimeout: 120_000,
    sequence: { sequencer: SlowestFirst },
    projects: [
      {
        extends: true,
        // The two projects run one after the other (groupOrder), each with its own number of workers.
        test: { name: "fast", include: FAST_TESTS, isolate: false, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...FAST_TESTS],
          // Builds the migrated embedded template once and starts a throwaway PostgreSQL server.
          globalSetup: ["test/setup/global.ts"],
          // Vitest's default on 2 cores is one worker; these files spend much of their time waiting
          // (the emulator, child processes, timers), so three at once fill both cores. Each file
          // has its own database and free ports. The whole suite passed this way at a load of 14.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

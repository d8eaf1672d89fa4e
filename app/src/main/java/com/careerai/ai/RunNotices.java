package com.careerai.ai;

import com.careerai.notifications.Notice;
import com.careerai.notifications.NoticeKind;
import com.careerai.notifications.Notifications;
import jakarta.inject.Singleton;

/**
 * In-app notices about runs, published in the transaction that makes the run SUCCEEDED or
 * REFUNDED. Synchronous tools answer while the student waits, so only queued runs announce that
 * they finished; a refund is always worth telling.
 */
@Singleton
class RunNotices {
    private final Notifications notifications;
    private final ToolCatalog tools;

    RunNotices(Notifications notifications, ToolCatalog tools) {
        this.notifications = notifications;
        this.tools = tools;
    }

    void finished(AiRun run) {
        AiTool tool = tools.require(run.tool());
        if (tool.synchronous()) {
            return;
        }
        notifications.publish(
                run.universityId(),
                run.userId(),
                new Notice(
                        NoticeKind.RUN,
                        "Your " + tool.name() + " is ready",
                        "The run you started has finished. Open it to read, copy or download the result.",
                        "/runs/" + run.id(),
                        true));
    }

    void refunded(AiRun run, String reason) {
        notifications.publish(
                run.universityId(),
                run.userId(),
                new Notice(
                        NoticeKind.RUN,
                        "Your " + tools.require(run.tool()).name() + " run failed and was refunded",
                        reason,
                        "/runs/" + run.id(),
                        true));
    }
}

package io.ticketing.platform.scheduling;

import java.util.function.IntUnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic task that works through a backlog in bounded batches (expiring, purging): each run repeats the batch
 * while batches come back full, since a full batch means more is due, and stops at the first short one. A
 * failure is logged and left to the next run, so the scheduler that runs it keeps running.
 */
public final class DrainingTask implements Runnable {

    private final Logger log;
    private final String done;
    private final int batchSize;
    private final IntUnaryOperator batch;

    /**
     * @param owner     whose logger reports the runs
     * @param done      what a run did, for the log: "Expired overdue tickets" is followed by the count
     * @param batchSize the most one batch handles
     * @param batch     handles up to the given number of items and returns how many it handled
     */
    public DrainingTask(Class<?> owner, String done, int batchSize, IntUnaryOperator batch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch must hold at least one item, not " + batchSize);
        }
        this.log = LoggerFactory.getLogger(owner);
        this.done = done;
        this.batchSize = batchSize;
        this.batch = batch;
    }

    @Override
    public void run() {
        int total = 0;
        try {
            int handled;
            do {
                handled = batch.applyAsInt(batchSize);
                total += handled;
            } while (handled == batchSize);
        } catch (RuntimeException e) {
            log.warn("{} failed after {} items, the next run retries: {}", done, total, e.toString());
            return;
        }
        if (total > 0) {
            log.info("{}: {}", done, total);
        }
    }
}

package io.ticketing.systemtest;

import java.util.List;

import io.ticketing.systemtest.support.BookingLoad;
import io.ticketing.systemtest.support.Network;
import io.ticketing.systemtest.support.Parallel;
import io.ticketing.systemtest.support.Session;
import io.ticketing.systemtest.support.Stack;
import io.ticketing.systemtest.support.Summary;
import io.ticketing.systemtest.support.SystemTest;
import org.junit.jupiter.api.Test;

/**
 * Crashes and a database failover under load: every accepted booking still reaches one final state, with one
 * notification.
 */
@SystemTest
class FaultsIT {

    @Test
    void killingServicesAndRestartingNatsLosesAndDuplicatesNothing() throws Exception {
        Stack stack = Stack.get();
        BookingLoad load = bookingLoad("faults");

        pause(2000);
        for (String victim : List.of("ticket-service", "train-service", "notification-service")) {
            stack.kill(victim);
            Summary.count("faults injected");
            pause(2500);
            stack.start(victim);
            stack.awaitHealthy(victim);
            Summary.count("faults recovered");
            pause(1500);
        }
        stack.stopNats();
        Summary.count("faults injected");
        pause(3000);
        stack.startNats();
        Summary.count("faults recovered");
        pause(3000);
        load.stop();

        load.assertEveryAcceptedBookingSettledOnceWithOneNotification();
        Summary.count("journeys passed");
    }

    @Test
    void aDatabaseFailoverLongerThanTheRetryBudgetLosesNothing() throws Exception {
        Stack stack = Stack.get();
        BookingLoad load = bookingLoad("database failover");
        pause(2000);
        // train-service reserves seats: while its database refuses writes every TicketRequested fails at once, for
        // longer than the ~6 s a failing message gets before it is dead-lettered, and within the 30 s a ticket may
        // stay pending
        stack.makeDatabaseReadOnly("train-service");
        Summary.count("faults injected");
        pause(10_000);
        stack.makeDatabaseWritable("train-service");
        Summary.count("faults recovered");
        pause(3000);
        load.stop();

        load.assertEveryAcceptedBookingSettledOnceWithOneNotification();
        load.assertNoneExpired();
        Summary.count("journeys passed");
    }

    /** Ten travellers booking seats on a fresh network, with seats to spare, until stopped. */
    private static BookingLoad bookingLoad(String label) {
        Network net = Network.build(Session.admin(), 50, 200);
        List<Session> users = Parallel.run(10, 10, i -> Session.register(label + " traveller " + i));
        return BookingLoad.start(label, users, net);
    }

    private static void pause(long millis) {
        Stack.sleep(millis);
    }
}

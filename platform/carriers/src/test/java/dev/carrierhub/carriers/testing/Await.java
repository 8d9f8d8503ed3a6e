package dev.carrierhub.carriers.testing;

import dev.carrierhub.carriers.CarrierException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a connector's stage in a test, with a bound so a broken stub fails fast instead of hanging. */
public final class Await {
    private Await() {
    }

    public static <T> T done(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the call did not succeed", e);
        }
    }

    public static CarrierException failure(CompletionStage<?> stage) {
        try {
            Object value = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a carrier failure, got " + value);
        } catch (ExecutionException e) {
            // The stage must fail with the carrier exception itself, not one wrapped in a CompletionException.
            if (!(e.getCause() instanceof CarrierException carrierException)) {
                throw new AssertionError("not a carrier failure", e);
            }
            return carrierException;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the call did not complete", e);
        }
    }
}

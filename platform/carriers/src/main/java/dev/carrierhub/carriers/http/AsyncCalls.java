package dev.carrierhub.carriers.http;

import dev.carrierhub.carriers.CarrierException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The asynchronous HTTP plumbing the connectors share: send without blocking, map the answer, and hand
 * every failure on as the {@link CarrierException} itself, never wrapped.
 */
public final class AsyncCalls {
    private AsyncCalls() {
    }

    /**
     * Sends {@code request} and maps the answer; a transport failure becomes {@code toError}'s exception,
     * a mapping failure (e.g. the carrier's error body) fails the stage as thrown.
     */
    public static <R, T> CompletableFuture<T> send(HttpClient client, HttpRequest request,
            Function<HttpResponse<String>, R> reply, Function<R, T> mapping, Function<Throwable, ? extends Throwable> toError) {
        CompletableFuture<T> result = new CompletableFuture<>();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    result.completeExceptionally(toError.apply(failure));
                } else {
                    result.complete(mapping.apply(reply.apply(response)));
                }
            } catch (RuntimeException mappingFailure) {
                result.completeExceptionally(mappingFailure);
            }
        });
        return result;
    }

    /**
     * Runs a chain and hands its failure on unwrapped, so a caller's direct dependent sees the
     * {@link CarrierException} and not a {@link java.util.concurrent.CompletionException} around it. A mapper that
     * refuses the shipment before any I/O fails the stage instead of throwing.
     */
    public static <T> CompletionStage<T> guarded(Supplier<CompletableFuture<T>> chain) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<T> started;
        try {
            started = chain.get();
        } catch (CarrierException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        started.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(CarrierException.find(failure).<Throwable>map(e -> e).orElse(failure));
            }
        });
        return result;
    }
}

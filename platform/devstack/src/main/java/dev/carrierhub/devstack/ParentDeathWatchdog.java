package dev.carrierhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Signals a process once this JVM is gone, even after kill -9: a shell child blocks on a stdin pipe that only
 * this JVM holds, and the kernel closes that pipe when the JVM dies.
 */
public final class ParentDeathWatchdog {

    private final Process shell;

    private ParentDeathWatchdog(Process shell) {
        this.shell = shell;
    }

    /** Sends signal (e.g. {@code INT}) to pid when this JVM exits without {@link #disarm()}. */
    public static ParentDeathWatchdog watch(long pid, String signal) {
        try {
            Process shell = new ProcessBuilder("/bin/sh", "-c",
                    "cat > /dev/null; kill -" + signal + " " + pid + " 2> /dev/null")
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ParentDeathWatchdog(shell);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the watchdog for pid " + pid, e);
        }
    }

    /** Ends the watchdog without sending the signal (the process is being stopped the normal way). */
    public void disarm() {
        // Kill the shell first so that it never runs the kill; closing the pipe then ends its cat.
        shell.destroyForcibly();
        try {
            shell.getOutputStream().close();
            shell.waitFor();
        } catch (IOException e) {
            // The pipe is gone already: so is the cat reading it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

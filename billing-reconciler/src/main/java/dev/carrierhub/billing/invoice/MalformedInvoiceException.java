package dev.carrierhub.billing.invoice;

/** An invoice file that cannot be read; names the line, so whoever fixes the file knows where to look. */
public class MalformedInvoiceException extends RuntimeException {
    private final long line;

    public MalformedInvoiceException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public MalformedInvoiceException(long line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}

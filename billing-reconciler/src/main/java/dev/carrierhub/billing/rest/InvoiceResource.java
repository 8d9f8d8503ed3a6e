package dev.carrierhub.billing.rest;

import dev.carrierhub.billing.invoice.InvoiceFormat;
import dev.carrierhub.billing.invoice.InvoiceUpload;
import dev.carrierhub.billing.invoice.MalformedInvoiceException;
import dev.carrierhub.billing.reconcile.InvoiceReconciler;
import dev.carrierhub.billing.reconcile.ReconciliationReport;
import dev.carrierhub.billing.reconcile.ReconciliationReport.InvoiceHeader;
import dev.carrierhub.billing.reconcile.ReconciliationReport.KindTotal;
import dev.carrierhub.billing.reconcile.ReconciliationReport.ReportLine;
import dev.carrierhub.billing.reconcile.ReconciliationRun;
import dev.carrierhub.billing.service.InvoiceIntake;
import dev.carrierhub.billing.service.InvoiceIntake.IntakeOutcome;
import dev.carrierhub.core.problem.Problem;
import dev.carrierhub.core.problem.ProblemException;
import dev.carrierhub.core.problem.UnprocessableContent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Carrier invoices for finance: upload (CSV, EDI X12 210, JSON), look up, reconcile again, and the
 * reconciliation report as JSON or CSV. Every call needs the {@code finance} role. Blocking: the work is JDBC.
 */
@Path("/invoices")
@RolesAllowed("finance")
public class InvoiceResource {
    static final String CSV = "text/csv";
    static final String X12 = "application/edi-x12";
    private static final int MAX_PAGE = 10_000;

    private final InvoiceIntake intake;
    private final InvoiceReconciler reconciler;
    private final ReconciliationReport report;

    public InvoiceResource(InvoiceIntake intake, InvoiceReconciler reconciler, ReconciliationReport report) {
        this.intake = intake;
        this.reconciler = reconciler;
        this.report = report;
    }

    @POST
    @Consumes(CSV)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response uploadCsv(@QueryParam("carrier") String carrier, @QueryParam("name") String name, InputStream body) {
        return imported(intake.file(required(carrier), InvoiceFormat.CSV, name == null ? "upload.csv" : name,
                new InputStreamReader(body, StandardCharsets.UTF_8)));
    }

    @POST
    @Consumes({X12, "application/x12"})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response uploadX12(@QueryParam("carrier") String carrier, @QueryParam("name") String name, InputStream body) {
        return imported(intake.file(required(carrier), InvoiceFormat.X12_210, name == null ? "upload.x12" : name,
                new InputStreamReader(body, StandardCharsets.US_ASCII)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response uploadJson(InvoiceUpload upload) {
        if (upload == null) {
            throw new ProblemException(Status.BAD_REQUEST, "malformed-invoice", "The body is empty.");
        }
        return imported(intake.upload(upload));
    }

    /** An invoice by its carrier and number. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public InvoiceHeader find(@QueryParam("carrier") String carrier, @QueryParam("invoiceNumber") String number) {
        if (carrier == null || number == null) {
            throw new ProblemException(Status.BAD_REQUEST, "missing-parameter",
                    "Look invoices up with ?carrier=…&invoiceNumber=….");
        }
        return report.invoice(carrier, number).orElseThrow(() -> notFound(carrier + " invoice " + number));
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public InvoiceHeader invoice(@PathParam("id") String id) {
        return header(id);
    }

    /** Reconciles the invoice again against what is known now; only changed verdicts are announced again. */
    @POST
    @Path("{id}/reconciliation")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public ReconciliationRun reconcile(@PathParam("id") String id) {
        return reconciler.reconcileInvoice(header(id).id());
    }

    @GET
    @Path("{id}/report")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Report reportJson(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") long offset,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-page",
                    "offset must be 0 or more and limit between 1 and " + MAX_PAGE + ".");
        }
        InvoiceHeader invoice = header(id);
        return new Report(invoice, report.totals(invoice.id()), offset, limit,
                report.lines(invoice.id(), offset, limit));
    }

    @GET
    @Path("{id}/report")
    // Only when asked for: a request that accepts anything gets JSON.
    @Produces(CSV + ";qs=0.5")
    public Response reportCsv(@PathParam("id") String id) {
        InvoiceHeader invoice = header(id);
        StreamingOutput csv = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            report.csv(invoice.id(), writer);
            writer.flush();
        };
        return Response.ok(csv, CSV).header("Content-Disposition", "attachment; filename=\"reconciliation-"
                + invoice.carrier() + "-" + invoice.invoiceNumber().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"")
                .build();
    }

    @ServerExceptionMapper
    public Response malformed(MalformedInvoiceException e, UriInfo uri) {
        return Problem.of(UnprocessableContent.STATUS, "malformed-invoice", "Nothing was imported: " + e.getMessage())
                .withInstance(uri.getPath()).toResponse();
    }

    private InvoiceHeader header(String id) {
        UUID invoiceId;
        try {
            invoiceId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound("invoice " + id);
        }
        return report.invoice(invoiceId).orElseThrow(() -> notFound("invoice " + id));
    }

    private static String required(String carrier) {
        if (carrier == null || carrier.isBlank()) {
            throw new ProblemException(Status.BAD_REQUEST, "missing-carrier",
                    "Say whose invoice this is with ?carrier=<carrier name>.");
        }
        return carrier.trim();
    }

    private static ProblemException notFound(String what) {
        return new ProblemException(Status.NOT_FOUND, "invoice-not-found", "No " + what + " was imported.");
    }

    private static Response imported(IntakeOutcome outcome) {
        Status status = outcome.imported().invoicesImported() > 0 ? Status.CREATED : Status.OK;
        return Response.status(status).entity(outcome).type(MediaType.APPLICATION_JSON).build();
    }

    /** The JSON report: the invoice, totals by kind and currency, and a page of lines in file order. */
    public record Report(InvoiceHeader invoice, List<KindTotal> totals, long offset, int limit, List<ReportLine> lines) {
    }
}

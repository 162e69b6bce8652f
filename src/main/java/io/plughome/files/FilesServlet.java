package io.plughome.files;

import io.plughome.platform.Durability;
import io.plughome.platform.JsonErrors;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The links chargers use, without API tokens (chargers cannot send them); each link carries an
 * unguessable token instead.
 * <ul>
 * <li>{@code PUT} or {@code POST /files/diagnostics/{token}/[name]}: a charger uploads the
 * diagnostics file a GetDiagnostics asked for. The body is the file, or a multipart form with
 * it; the name comes from the path, else from the form, else is made up.</li>
 * <li>{@code GET /files/firmware/{token}/{name}}: a charger downloads firmware the owner
 * uploaded.</li>
 * </ul>
 */
@WebServlet(urlPatterns = "/files/*")
@MultipartConfig
public class FilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FilesServlet.class.getName());

    @Inject
    transient FileStore store;

    @Inject
    transient Durability durability;

    /** The path after /files, split on '/', empty segments dropped. */
    private static List<String> segments(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        upload(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        upload(request, response, true);
    }

    private void upload(HttpServletRequest request, HttpServletResponse response, boolean post) throws IOException {
        List<String> path = segments(request);
        if (path.size() < 2 || !path.get(0).equals(FileKind.DIAGNOSTICS.folder())) {
            error(response, 404, "NotFound", "Uploads go to the link a GetDiagnostics named");
            return;
        }
        UploadSlot slot = store.upload(path.get(1)).orElse(null);
        if (slot == null) {
            error(response, 404, "NotFound", "No open upload link with this token (they stay open for "
                    + FileStore.UPLOAD_WINDOW.toHours() + " h)");
            return;
        }
        String name = path.size() > 2 ? path.get(path.size() - 1) : null;
        ChargerFile saved;
        try {
            String type = request.getContentType();
            if (post && type != null && type.toLowerCase().startsWith("multipart/form-data")) {
                Part part = request.getParts().stream().filter(p -> p.getSubmittedFileName() != null).findFirst()
                        .orElse(null);
                if (part == null) {
                    error(response, 400, "BadRequest", "The form has no file");
                    return;
                }
                try (InputStream in = part.getInputStream()) {
                    saved = store.saveDiagnostics(slot.chargerId(), name != null ? name : part.getSubmittedFileName(),
                            in);
                }
            } else {
                try (InputStream in = request.getInputStream()) {
                    saved = store.saveDiagnostics(slot.chargerId(), name, in);
                }
            }
        } catch (FileTooLarge e) {
            error(response, 413, "TooLarge", e.getMessage());
            return;
        } catch (jakarta.servlet.ServletException e) {
            error(response, 400, "BadRequest", "Not a readable multipart form: " + e.getMessage());
            return;
        }
        ChargerFile file = saved;
        durability.awaitDurable();
        LOG.info(() -> "Charger " + file.chargerId() + " uploaded diagnostics " + file.name() + " ("
                + file.sizeBytes() + " bytes)");
        response.setStatus(201);
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder().add("name", file.name()).add("sizeBytes",
                file.sizeBytes()).add("sha256", file.sha256()).build().toString());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request);
        ChargerFile file = path.size() >= 2 && path.get(0).equals(FileKind.FIRMWARE.folder())
                ? store.byLink(path.get(1)).orElse(null) : null;
        if (file == null || !Files.exists(store.path(file))) {
            error(response, 404, "NotFound", "No firmware file at this link");
            return;
        }
        Path disk = store.path(file);
        LOG.info(() -> "Firmware " + file.name() + " downloaded from " + request.getRemoteAddr());
        response.setStatus(200);
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(Files.size(disk));
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
        if (!"HEAD".equals(request.getMethod())) {
            Files.copy(disk, response.getOutputStream());
        }
    }

    private static void error(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        JsonErrors.write(response, status, error, message);
    }
}

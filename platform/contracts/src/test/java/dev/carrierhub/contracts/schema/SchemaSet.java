package dev.carrierhub.contracts.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A set of JSON Schema documents, each identified by its {@code $id}, with just enough {@code $ref}
 * resolution (relative IRIs and JSON Pointer fragments) to walk them structurally. Every document must
 * have an absolute {@code $id} whose last segment is its file name.
 */
public final class SchemaSet {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** Keywords that may sit next to {@code $ref} without changing what the reference validates. */
    private static final Set<String> ANNOTATIONS = Set.of("$ref", "$comment", "title", "description", "examples", "deprecated");

    private final Map<String, URI> idsByFileName;
    private final Map<URI, JsonNode> documentsById;

    private SchemaSet(Map<String, JsonNode> documentsByFileName) {
        this.idsByFileName = new TreeMap<>();
        this.documentsById = new LinkedHashMap<>();
        documentsByFileName.forEach((fileName, document) -> {
            JsonNode id = document.path("$id");
            if (!id.isTextual()) {
                throw new IllegalArgumentException(fileName + " has no $id");
            }
            URI uri = URI.create(id.asText());
            if (!uri.isAbsolute() || uri.getFragment() != null || !uri.getPath().endsWith("/" + fileName)) {
                throw new IllegalArgumentException(fileName + " must have an absolute $id ending in /" + fileName + ", has " + uri);
            }
            if (documentsById.put(uri, document) != null) {
                throw new IllegalArgumentException("two documents have the $id " + uri);
            }
            idsByFileName.put(fileName, uri);
        });
    }

    /** The documents given as file name to JSON text. */
    public static SchemaSet of(Map<String, String> jsonByFileName) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        jsonByFileName.forEach((fileName, json) -> {
            try {
                documents.put(fileName, MAPPER.readTree(json));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(fileName + " is not JSON", e);
            }
        });
        return new SchemaSet(documents);
    }

    /** Every {@code *.schema.json} in a class-path directory (which must be a directory, not a jar entry). */
    public static SchemaSet fromClasspathDirectory(String directory) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(directory);
        if (url == null) {
            throw new IllegalArgumentException("no class-path directory " + directory);
        }
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().toList()) {
                documents.put(file.getFileName().toString(), MAPPER.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new SchemaSet(documents);
    }

    public Set<String> fileNames() {
        return idsByFileName.keySet();
    }

    public boolean contains(String fileName) {
        return idsByFileName.containsKey(fileName);
    }

    /** The root of one document. */
    public Located root(String fileName) {
        URI id = idsByFileName.get(fileName);
        if (id == null) {
            throw new IllegalArgumentException("no schema " + fileName);
        }
        return new Located(id, "", documentsById.get(id));
    }

    /**
     * Follows {@code $ref} until a schema without one is reached. Only annotations may sit next to a
     * {@code $ref}: anything else would be a constraint this walk silently skipped.
     */
    public Located deref(Located schema) {
        Located current = schema;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException("$ref cycle at " + schema);
            }
            for (Iterator<String> names = current.node().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!ANNOTATIONS.contains(name)) {
                    throw new IllegalArgumentException("keyword " + name + " next to $ref at " + current + " is not supported");
                }
            }
            current = resolve(current, current.node().get("$ref").asText());
        }
        return current;
    }

    private Located resolve(Located from, String ref) {
        URI target = from.documentId().resolve(URI.create(ref));
        URI documentId = withoutFragment(target);
        JsonNode document = documentsById.get(documentId);
        if (document == null) {
            throw new IllegalArgumentException("$ref " + ref + " at " + from + " names unknown document " + documentId);
        }
        String pointer = target.getFragment() == null ? "" : target.getFragment();
        JsonNode node = document.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("$ref " + ref + " at " + from + " points nowhere");
        }
        return new Located(documentId, pointer, node);
    }

    private static URI withoutFragment(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A schema node with the document it is in and its JSON Pointer there. */
    public record Located(URI documentId, String pointer, JsonNode node) {
        public Located child(String... segments) {
            JsonNode child = node;
            StringBuilder childPointer = new StringBuilder(pointer);
            for (String segment : segments) {
                child = child.path(segment);
                childPointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
            }
            return new Located(documentId, childPointer.toString(), child);
        }

        public String fileName() {
            String path = documentId.getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return fileName() + "#" + pointer;
        }
    }
}

package dev.athanor.quickstart.web;

import dev.athanor.Engine;
import dev.athanor.PoolStatus;
import dev.athanor.quickstart.guestbook.Entry;
import dev.athanor.orm.Session;
import dev.athanor.quickstart.guestbook.Guestbook;
import dev.athanor.quickstart.guestbook.Rejections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guestbook over HTTP, on the same {@link Guestbook} bean as the tour: each request has its own injected
 * Session, and each {@code POST} runs in a JTA transaction of the server.
 *
 * <pre>
 * curl -H 'Content-Type: application/json' -d '{"author":"ada","message":"hi"}' localhost:8080/athanor-quickstart/api/guestbook/entries
 * curl localhost:8080/athanor-quickstart/api/guestbook/entries?author=ada
 * curl -i localhost:8080/athanor-quickstart/api/guestbook/entries/1
 * curl -H 'Content-Type: application/json' -d '{"author":"ada","messages":["a"," "]}' .../api/guestbook/sign-all
 * curl localhost:8080/athanor-quickstart/api/guestbook/pool
 * </pre>
 */
@Path("/guestbook")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GuestbookResource {
    @Inject Guestbook guestbook;
    @Inject Rejections rejections;
    @Inject Engine engine;
    @Inject Session session;

    /** The body of {@code sign-all}: one author, several messages. */
    public static class Messages {
        public String author;
        public List<String> messages;
    }

    /** Every entry, or those of {@code author}, oldest first. */
    @GET
    @Path("/entries")
    public List<Entry> list(@QueryParam("author") String author) {
        return author == null ? guestbook.all() : guestbook.by(author);
    }

    /**
     * One entry, read through the {@link Guestbook} bean. The header {@code Athanor-Same-Session} says whether this
     * resource's own injected Session holds the very object: one Session per request, shared by every bean.
     */
    @GET
    @Path("/entries/{id}")
    public Response get(@PathParam("id") long id) {
        Entry entry = guestbook.find(id);
        if (entry == null) {
            return error(Response.Status.NOT_FOUND, "no entry " + id, 0);
        }
        return Response.ok(entry).header("Athanor-Same-Session", session.contains(entry)).build();
    }

    /** Signs the book in one JTA transaction; 201 with the entry and its generated id. */
    @POST
    @Path("/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sign(Entry entry) {
        if (entry == null || entry.author == null || entry.message == null) {
            return error(Response.Status.BAD_REQUEST, "expected {\"author\": ..., \"message\": ...}", 0);
        }
        return Response.status(Response.Status.CREATED).entity(guestbook.sign(entry.author, entry.message)).build();
    }

    /**
     * Signs every message in one JTA transaction, or none: a blank message fails it (409), and the rows flushed
     * before it roll back with it. The answer says how many entries the author has afterwards, read again.
     */
    @POST
    @Path("/sign-all")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signAll(Messages body) {
        if (body == null || body.author == null || body.messages == null) {
            return error(Response.Status.BAD_REQUEST, "expected {\"author\": ..., \"messages\": [...]}", 0);
        }
        try {
            guestbook.signAll(body.author, body.messages);
        } catch (IllegalArgumentException e) {
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("error", e.getMessage() + ": rolled back");
            refused.put("entries", guestbook.count(body.author));
            refused.put("rejections", rejections.count(body.author)); // committed by REQUIRES_NEW
            return Response.status(Response.Status.CONFLICT).entity(refused).build();
        }
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("signed", body.messages.size());
        signed.put("entries", guestbook.count(body.author));
        return Response.status(Response.Status.CREATED).entity(signed).build();
    }

    /** The pool of the default database (Athanor's; all zeros with a server DataSource through jndi-name). */
    @GET
    @Path("/pool")
    public Map<String, Object> pool() {
        PoolStatus status = engine.poolStatus();
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("checkedOut", status.checkedOut());
        pool.put("idle", status.idle());
        pool.put("total", status.total());
        pool.put("maxSize", status.maxSize());
        pool.put("awaiting", status.awaiting());
        pool.put("leaks", status.leaks());
        return pool;
    }

    private static Response error(Response.Status status, String message, long entries) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("entries", entries);
        return Response.status(status).entity(body).build();
    }
}

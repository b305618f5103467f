package dev.athanor.quickstart.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The guestbook's REST API under {@code /api} of the WAR's context root (every resource class is found by scanning). */
@ApplicationPath("/api")
public class GuestbookApplication extends Application {
}

/**
 * The CDI quickstart: a guestbook whose service injects a request-scoped {@code Session} and marks its methods
 * {@code @Transactional}. The same beans run in Weld SE ({@link dev.athanor.quickstart.guestbook.GuestbookMain},
 * with Narayana and SmallRye Config) and, packaged as {@code athanor-quickstart-*.war}, in an application server.
 */
package dev.athanor.quickstart.guestbook;

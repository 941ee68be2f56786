package io.arcollect.identity;

/** Outside the demo profile there is no default password: the administrator must be configured. */
public class MissingAdminAccountException extends IllegalStateException {

  public MissingAdminAccountException() {
    super("No administrator is configured. Outside the 'demo' profile ArCollect has no default password: "
        + "set ARCOLLECT_ADMIN_USER and ARCOLLECT_ADMIN_PASSWORD.");
  }
}

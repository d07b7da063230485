package fr.communs.security;

/** What a person types to create their own account. */
public record SignUpData(String nomComplet, String email, String password, String passwordConfirmation) {
}

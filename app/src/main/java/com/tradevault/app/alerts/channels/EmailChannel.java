package com.tradevault.app.alerts.channels;

import com.tradevault.app.alerts.Alert;
import com.tradevault.app.alerts.AlertChannel;
import com.tradevault.app.alerts.AlertSettings;
import com.tradevault.app.alerts.ChannelFailure;
import com.tradevault.app.alerts.Secret;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Delivers an alert as a plain-text email over SMTP (Eclipse Angus Mail):
 * STARTTLS required unless {@code alerts.email.starttls = off}, the server's
 * certificate and host name checked, then authentication when a user name is
 * configured. Delivered when the server accepted the message for every
 * recipient.
 */
final class EmailChannel implements AlertChannel {

    private final AlertSettings.Email settings;
    private final Optional<Secret> password;
    private final Session session;

    EmailChannel(AlertSettings.Email settings, Optional<Secret> password, Duration timeout) {
        this.settings = settings;
        this.password = password;
        this.session = Session.getInstance(properties(settings, timeout));
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void deliver(Alert alert, Instant at) throws ChannelFailure {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            for (String to : settings.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            message.setSubject("tradevault " + alert.severityName() + ": " + alert.title(), "UTF-8");
            message.setText(alert.text() + "\n\nRecorded at " + at + " (UTC).\n", "UTF-8");
            message.setSentDate(Date.from(at));
            send(message);
        } catch (MessagingException e) {
            throw new ChannelFailure("email: " + settings.host() + ":" + settings.port() + " did not take the message ("
                    + password.map(p -> p.hideIn(reason(e))).orElse(reason(e)) + ")");
        }
    }

    private void send(MimeMessage message) throws MessagingException {
        if (settings.username().isEmpty()) {
            Transport.send(message);
        } else {
            Transport.send(message, settings.username(), password.map(Secret::reveal).orElse(""));
        }
    }

    /** The innermost useful message: Angus wraps the server's answer in several layers. */
    private static String reason(Exception e) {
        Throwable t = e;
        StringBuilder why = new StringBuilder(String.valueOf(e.getMessage()).trim());
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            why.append("; ").append(t.getClass().getSimpleName()).append(": ").append(String.valueOf(t.getMessage()).trim());
        }
        return why.toString().replaceAll("\\s+", " ");
    }

    private static Properties properties(AlertSettings.Email s, Duration timeout) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", String.valueOf(s.port()));
        p.put("mail.smtp.auth", String.valueOf(!s.username().isEmpty()));
        p.put("mail.smtp.starttls.enable", String.valueOf(s.starttls()));
        p.put("mail.smtp.starttls.required", String.valueOf(s.starttls()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(timeout.toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(timeout.toMillis()));
        s.trustCertificate().ifPresent(pem -> p.put("mail.smtp.ssl.socketFactory", trusting(pem)));
        return p;
    }

    /** A socket factory that trusts exactly the certificate in {@code pem}. */
    private static SSLSocketFactory trusting(java.nio.file.Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("smtp-server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new com.tradevault.core.TradevaultException(com.tradevault.core.Outcome.BAD_USAGE,
                    "alerts.email.trust-certificate-file: cannot read a PEM certificate from " + pem + " ("
                            + e.getMessage() + ")", "name a PEM file holding the SMTP server's certificate", e);
        }
    }
}

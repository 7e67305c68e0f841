package org.factmark.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.factmark.common.ui.Actions;
import org.factmark.common.ui.FieldErrors;
import org.factmark.common.ui.Notifications;
import org.factmark.common.ui.TextLimits;
import org.factmark.common.ui.Unsaved;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;

/**
 * Adds a document by pasting its text or uploading a .txt, .md or .html file. An upload only fills
 * the form, so the reviewer sees what will be stored before saving it.
 */
@Route("documents/new")
@PageTitle("Add document · Factmark")
@PermitAll
class AddDocumentView extends VerticalLayout implements BeforeLeaveObserver {

    /** Checked on the server while reading; the browser's own check is only a courtesy. */
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    private static final String TOO_LARGE = "it is larger than 5 MiB, the most Factmark reads.";
    private static final String NOT_A_TEXT_FILE = "Factmark reads .txt, .md and .html files only.";

    private final DocumentService documents;
    final TextField title = new TextField("Title");
    final TextField outlet = new TextField("Outlet");
    final TextField url = new TextField("URL of the original");
    final DatePicker publishedAt = new DatePicker("Published");
    final TextArea text = new TextArea("Text");
    final Upload upload = new Upload(this::receive);
    /** Why the last file was not read, next to the upload; the form keeps what was typed. */
    final Paragraph uploadProblem = new Paragraph();
    final Button save = new Button("Save document");
    private final FieldErrors errors = new FieldErrors();
    private final Unsaved unsaved = new Unsaved(title, outlet, url, publishedAt, text);

    AddDocumentView(DocumentService documents) {
        this.documents = documents;
        setMaxWidth("60rem");

        errors.limited(DocumentService.TITLE, title);
        errors.limited(DocumentService.OUTLET, outlet);
        errors.limited(DocumentService.URL, url);
        errors.at(DocumentService.PUBLISHED_AT, publishedAt);
        errors.at(DocumentService.TEXT, text);
        TextLimits.applyInBytes(text, DocumentService.MAX_TEXT_BYTES);
        title.setRequired(true);
        url.setPlaceholder("https://");
        text.setRequired(true);
        text.setWidthFull();
        text.setHeight("22rem");
        text.setHelperText("Paste the article, or upload a file below. Line endings become \\n; "
                + "nothing else is changed.");

        upload.setAcceptedFileTypes(".txt", ".md", ".html", ".htm", "text/plain", "text/markdown", "text/html");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setDropLabel(new Paragraph("Drop a .txt, .md or .html file here"));
        // The browser refuses a file over the limit or of another kind before sending it; without
        // these texts and the listener, the reviewer would see nothing happen.
        upload.setI18n(new UploadI18N().setError(new UploadI18N.Error().setFileIsTooBig(TOO_LARGE)
                .setIncorrectFileType(NOT_A_TEXT_FILE)
                .setTooManyFiles("remove the file above first; Factmark reads one at a time.")));
        upload.addFileRejectedListener(rejected -> uploadProblem.setText(rejected.getFileName() + " was not read: "
                + rejected.getErrorMessage()));
        uploadProblem.addClassName("upload-problem");
        uploadProblem.getElement().setAttribute("role", "alert");
        uploadProblem.getStyle().set("color", "var(--lumo-error-text-color)");

        var form = new FormLayout(title, outlet, url, publishedAt);
        form.setColspan(title, 2);

        save.addThemeVariants(ButtonVariant.PRIMARY);
        Actions.once(save, () -> errors.run(this::save));
        var cancel = new Button("Cancel", click -> UI.getCurrent().navigate(DocumentListView.class));

        add(new H2("Add document"), form, text, upload, uploadProblem, new HorizontalLayout(save, cancel));
    }

    private void save() {
        Document saved = documents.add(new NewDocument(title.getValue(), text.getValue(), url.getValue(),
                outlet.getValue(), publishedAt.getValue()));
        Notifications.success("Saved \"" + saved.title() + "\".");
        unsaved.markSaved();
        UI.getCurrent().navigate(DocumentMeta.location(saved.id()));
    }

    /** Leaving the form with something typed in it, by Cancel or anywhere else, asks first. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (unsaved.changed()) {
            var leaving = event.postpone();
            Unsaved.ask(leaving::proceed);
        }
    }

    /** Runs on the upload request's thread, without the session lock; UI changes go through access(). */
    private void receive(UploadEvent event) throws IOException {
        String fileName = event.getFileName();
        UI ui = event.getUI();
        String content;
        try (InputStream in = event.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
            if (bytes.length > MAX_UPLOAD_BYTES) {
                ui.access(() -> uploadProblem.setText(fileName + " was not read: " + TOO_LARGE));
                return;
            }
            content = decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            ui.access(() -> uploadProblem.setText(fileName + " is not UTF-8 text; save it as UTF-8 and try again."));
            return;
        }
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        NewDocument draft;
        if (lowerName.endsWith(".html") || lowerName.endsWith(".htm")) {
            draft = documents.draftFromHtml(content);
        } else if (lowerName.endsWith(".txt") || lowerName.endsWith(".md")) {
            draft = new NewDocument(fileName.replaceFirst("\\.[^.]+$", ""), content, null, null, null);
        } else {
            ui.access(() -> uploadProblem.setText(fileName + " was not read: " + NOT_A_TEXT_FILE));
            return;
        }
        ui.access(() -> fill(draft, fileName));
    }

    private void fill(NewDocument draft, String fileName) {
        if (title.isEmpty() && draft.title() != null) {
            title.setValue(draft.title());
        }
        text.setValue(draft.text());
        uploadProblem.setText("");
        Notifications.success("Read " + fileName + ". Check the text, then save.");
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String decoded = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        // A byte-order mark is an encoding detail, not part of the article.
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }
}

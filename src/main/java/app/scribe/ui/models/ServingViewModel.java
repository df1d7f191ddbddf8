package app.scribe.ui.models;

import app.scribe.persistence.SavedModel;
import app.scribe.serve.ScribeServer;
import app.scribe.serve.ServerOptions;
import app.scribe.ui.common.BackgroundWork;
import app.scribe.ui.common.Session;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.net.URI;

/**
 * File > Serve this model: the model in use, as it is now, behind Scribe's local HTTP API ({@link ScribeServer},
 * on 127.0.0.1, port 8080 or {@code -Dscribe.serve.port}). Serving stops when the model changes and when the app
 * quits; the server starts and stops off the FX thread.
 */
public final class ServingViewModel {
    /** The port the app serves on; 0 takes any free one (the tests do). */
    static final String PORT_PROPERTY = "scribe.serve.port";

    private final Session session;
    private final ModelFilesViewModel modelFiles;
    private final ReadOnlyBooleanWrapper serving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<URI> address = new ReadOnlyObjectWrapper<>();
    private ScribeServer server;

    public ServingViewModel(Session session, ModelFilesViewModel modelFiles) {
        this.session = session;
        this.modelFiles = modelFiles;
        session.modelProperty().addListener((obs, old, now) -> {
            if (server != null) {
                stop();
                session.messages().info("Stopped serving: the model in use changed.");
            }
        });
    }

    public ReadOnlyBooleanProperty servingProperty() { return serving.getReadOnlyProperty(); }
    /** Where the server listens while it serves; the OpenAI base URL adds {@code v1}. */
    public ReadOnlyObjectProperty<URI> addressProperty() { return address.getReadOnlyProperty(); }

    /** Serves the model in use, or stops serving. */
    public void toggle() {
        if (server != null) {
            stop();
            session.messages().info("Stopped serving.");
            return;
        }
        Session.ModelState state = session.modelOrExplain();
        if (state == null) {
            return;
        }
        String name = modelFiles.nameProperty().get();
        ServerOptions options = ServerOptions.defaults().withPort(Integer.getInteger(PORT_PROPERTY,
                ServerOptions.DEFAULT_PORT));
        serving.set(true);
        session.modelCopy().thenApplyAsync(copy -> ScribeServer.start(new SavedModel(copy, state.vocabulary(),
                        state.corpus(), state.history().copy()), name, options), session.background().ioExecutor())
                .whenComplete((started, failure) -> BackgroundWork.onFx(() -> {
                    if (failure != null) {
                        serving.set(false);
                        session.messages().failure(failure);
                    } else if (session.modelProperty().get() != state || !serving.get()) {
                        started.stop(); // the model changed, or serving was stopped, while the server started
                    } else {
                        server = started;
                        address.set(started.address());
                        session.messages().info("Serving " + name + " at " + started.address() + " (OpenAI base URL "
                                + started.address() + "v1); File > Serve this model again stops it.");
                    }
                }));
    }

    /** Stops serving, if it does; safe to call more than once. */
    public void stop() {
        serving.set(false);
        address.set(null);
        if (server != null) {
            ScribeServer stopping = server;
            server = null;
            session.background().ioExecutor().execute(stopping::stop);
        }
    }
}

package dev.carrierhub.launcher;

import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates every Carrier Hub topic before the services start, as a platform team would with Strimzi
 * KafkaTopics: consumers then join groups on existing topics instead of waiting for auto-creation.
 */
public final class TopicDefinitions {
    static final int PARTITIONS = 3;

    private TopicDefinitions() {
    }

    /** The event topics (label-service's parking topic {@code label.deferred} among them) and their dead-letter topics. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (EventType type : EventType.values()) {
            names.add(type.topic());
            names.add(Topics.deadLetter(type.topic()));
        }
        names.addAll(Topics.SECOND_CONSUMER_DEAD_LETTERS);
        return names;
    }

    /** Creates the topics that do not exist yet. */
    public static void create(String bootstrapServers, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names().stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, replicationFactor)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the Carrier Hub topics on " + bootstrapServers, e);
        }
    }
}

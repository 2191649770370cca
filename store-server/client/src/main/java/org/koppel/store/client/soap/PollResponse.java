package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/** The response wrapper of {@link MapiSoap#poll}: the events, possibly none. */
@XmlRootElement(name = "pollResponse")
@XmlType(name = "pollResponse")
public final class PollResponse {
    @XmlElement(name = "event")
    public List<EventXml> events;

    public List<EventXml> getEvent() {
        return events;
    }

    public void setEvent(List<EventXml> e) {
        this.events = e;
    }
}

package org.koppel.inetmapi.vcard;

import java.util.List;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.NamedTags;
import org.koppel.mapi.PropTag;
import org.koppel.mapi.PropTags;
import org.koppel.mapi.PropType;
import org.koppel.mapi.PropertySets;

/** Which vCard TEL types, ADR types and e-mail slots go to which contact properties ([MS-OXOCNTC]). */
final class ContactFields {

    private ContactFields() {
    }

    /** A telephone property and the TEL types that select it (all must be present), in order of precedence. */
    record Phone(PropTag tag, List<String> types, List<String> writtenTypes) {
    }

    static final List<Phone> PHONES = List.of(
            new Phone(PropTags.PR_MOBILE_TELEPHONE_NUMBER, List.of("cell"), List.of("cell")),
            new Phone(PropTags.PR_BUSINESS_FAX_NUMBER, List.of("work", "fax"), List.of("work", "fax")),
            new Phone(PropTags.PR_HOME_FAX_NUMBER, List.of("home", "fax"), List.of("home", "fax")),
            new Phone(PropTags.PR_PAGER_TELEPHONE_NUMBER, List.of("pager"), List.of("pager")),
            new Phone(PropTags.PR_CAR_TELEPHONE_NUMBER, List.of("car"), List.of("car")),
            new Phone(PropTags.PR_BUSINESS_TELEPHONE_NUMBER, List.of("work"), List.of("work", "voice")),
            new Phone(PropTags.PR_BUSINESS2_TELEPHONE_NUMBER, List.of("work"), List.of("work", "voice")),
            new Phone(PropTags.PR_HOME_TELEPHONE_NUMBER, List.of("home"), List.of("home", "voice")),
            new Phone(PropTags.PR_HOME2_TELEPHONE_NUMBER, List.of("home"), List.of("home", "voice")),
            new Phone(PropTags.PR_PRIMARY_TELEPHONE_NUMBER, List.of("pref"), List.of("voice", "pref")),
            new Phone(PropTags.PR_OTHER_TELEPHONE_NUMBER, List.of(), List.of("voice")));

    /** The postal properties of one address: post office box, street, city, region, code, country. */
    record Address(String type, PropTag poBox, PropTag street, PropTag city, PropTag region, PropTag code,
            PropTag country) {

        List<PropTag> tags() {
            return List.of(poBox, street, city, region, code, country);
        }
    }

    static final List<Address> ADDRESSES = List.of(
            new Address("work", PropTags.PR_BUSINESS_ADDRESS_POST_OFFICE_BOX, PropTags.PR_BUSINESS_ADDRESS_STREET,
                    PropTags.PR_BUSINESS_ADDRESS_CITY, PropTags.PR_BUSINESS_ADDRESS_STATE_OR_PROVINCE,
                    PropTags.PR_BUSINESS_ADDRESS_POSTAL_CODE, PropTags.PR_BUSINESS_ADDRESS_COUNTRY),
            new Address("home", PropTags.PR_HOME_ADDRESS_POST_OFFICE_BOX, PropTags.PR_HOME_ADDRESS_STREET,
                    PropTags.PR_HOME_ADDRESS_CITY, PropTags.PR_HOME_ADDRESS_STATE_OR_PROVINCE,
                    PropTags.PR_HOME_ADDRESS_POSTAL_CODE, PropTags.PR_HOME_ADDRESS_COUNTRY),
            new Address("other", PropTags.PR_OTHER_ADDRESS_POST_OFFICE_BOX, PropTags.PR_OTHER_ADDRESS_STREET,
                    PropTags.PR_OTHER_ADDRESS_CITY, PropTags.PR_OTHER_ADDRESS_STATE_OR_PROVINCE,
                    PropTags.PR_OTHER_ADDRESS_POSTAL_CODE, PropTags.PR_OTHER_ADDRESS_COUNTRY));

    /** The three e-mail slots of a contact: address, its type, its display name. */
    record Email(NamedPropTag address, NamedPropTag type, NamedPropTag display) {
    }

    static final List<Email> EMAILS = List.of(
            new Email(NamedTags.EMAIL1_EMAIL_ADDRESS, NamedTags.EMAIL1_ADDRESS_TYPE, NamedTags.EMAIL1_DISPLAY_NAME),
            new Email(NamedTags.EMAIL2_EMAIL_ADDRESS, NamedTags.EMAIL2_ADDRESS_TYPE, NamedTags.EMAIL2_DISPLAY_NAME),
            new Email(NamedTags.EMAIL3_EMAIL_ADDRESS, NamedTags.EMAIL3_ADDRESS_TYPE, NamedTags.EMAIL3_DISPLAY_NAME));

    /** The vCard's UID, kept so a card written back keeps its identity (CardDAV). */
    static final NamedPropTag UID = NamedPropTag.byName(PropertySets.PS_PUBLIC_STRINGS, "urn:koppel:vcard:uid",
            PropType.PT_UNICODE);
}

package org.koppel.mapi;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropTagsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "PR_SUBJECT, 0x0037001F", "PR_MESSAGE_CLASS, 0x001A001F", "PR_BODY, 0x1000001F", "PR_HTML, 0x10130102",
            "PR_ENTRYID, 0x0FFF0102", "PR_DISPLAY_NAME, 0x3001001F", "PR_MESSAGE_FLAGS, 0x0E070003",
            "PR_MESSAGE_DELIVERY_TIME, 0x0E060040", "PR_SOURCE_KEY, 0x65E00102", "PR_CHANGE_KEY, 0x65E20102",
            "PR_PREDECESSOR_CHANGE_LIST, 0x65E30102", "PR_CONTAINER_CLASS, 0x3613001F", "PR_ATTACH_METHOD, 0x37050003",
            "PR_ATTACH_DATA_BIN, 0x37010102", "PR_ATTACH_DATA_OBJ, 0x3701000D", "PR_RECIPIENT_TYPE, 0x0C150003",
            "PR_MESSAGE_RECIPIENTS, 0x0E12000D", "PR_MESSAGE_ATTACHMENTS, 0x0E13000D",
            "PR_GIVEN_NAME, 0x3A06001F", "PR_SURNAME, 0x3A11001F", "PR_MIDDLE_NAME, 0x3A44001F",
            "PR_COMPANY_NAME, 0x3A16001F", "PR_TITLE, 0x3A17001F", "PR_DEPARTMENT_NAME, 0x3A18001F",
            "PR_BUSINESS_TELEPHONE_NUMBER, 0x3A08001F", "PR_HOME_TELEPHONE_NUMBER, 0x3A09001F",
            "PR_MOBILE_TELEPHONE_NUMBER, 0x3A1C001F", "PR_BIRTHDAY, 0x3A420040", "PR_WEDDING_ANNIVERSARY, 0x3A410040",
            "PR_BUSINESS_ADDRESS_CITY, 0x3A27001F", "PR_BUSINESS_ADDRESS_STREET, 0x3A29001F",
            "PR_BUSINESS_ADDRESS_POSTAL_CODE, 0x3A2A001F", "PR_BUSINESS_ADDRESS_COUNTRY, 0x3A26001F",
            "PR_HOME_ADDRESS_CITY, 0x3A59001F", "PR_HOME_ADDRESS_STREET, 0x3A5D001F", "PR_OTHER_ADDRESS_CITY, 0x3A5F001F",
            "PR_GENDER, 0x3A4D0002", "PR_CHILDRENS_NAMES, 0x3A58101F", "PR_NICKNAME, 0x3A4F001F",
            "PR_SENDER_SMTP_ADDRESS, 0x5D01001F", "PR_MID, 0x674A0014", "PR_FID, 0x67480014",
            "PR_DISPLAY_TYPE, 0x39000003", "PR_EXCEPTION_STARTTIME, 0x7FFB0040", "PR_ATTACHMENT_FLAGS, 0x7FFD0003",
            "PR_ADDITIONAL_REN_ENTRYIDS, 0x36D81102", "PR_FREEBUSY_ENTRYIDS, 0x36E41102"})
    void packedValues(String constant, String hex) throws Exception {
        PropTag tag = (PropTag) PropTags.class.getField(constant).get(null);
        assertEquals((int) Long.parseLong(hex.substring(2), 16), tag.value());
    }

    /** The constants that deliberately share a tag: three names for PR_MESSAGE_SIZE_EXTENDED. */
    private static final Set<String> ALIASES = Set.of("PR_MESSAGE_SIZE_EXTENDED", "PR_MESSAGE_SIZE_FOLDER", "PR_MESSAGE_SIZE_STORE");

    @Test
    void noTwoConstantsShareATagExceptKnownAliases() throws Exception {
        Map<PropTag, String> seen = new HashMap<>();
        int count = 0;
        for (Field f : PropTags.class.getFields()) {
            assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()), f.getName());
            assertTrue(f.getName().startsWith("PR_"), f.getName());
            PropTag tag = (PropTag) f.get(null);
            String previous = seen.putIfAbsent(tag, f.getName());
            if (previous != null) {
                assertTrue(ALIASES.contains(previous) && ALIASES.contains(f.getName()), previous + " = " + f.getName());
            }
            assertFalse(tag.isNamed(), f.getName());
            count++;
        }
        assertTrue(count > 250, "only " + count + " tags");
    }
}

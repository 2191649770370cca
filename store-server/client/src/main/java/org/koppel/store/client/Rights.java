package org.koppel.store.client;

/**
 * Folder rights bits, as MAPI and Kopano define them (frights*), and the usual role presets.
 * The store owner and administrators hold every right; everyone else holds what ACLs grant.
 */
public final class Rights {

    public static final int READ_ANY = 0x001;
    public static final int CREATE = 0x002;
    public static final int EDIT_OWNED = 0x008;
    public static final int DELETE_OWNED = 0x010;
    public static final int EDIT_ANY = 0x020;
    public static final int DELETE_ANY = 0x040;
    public static final int CREATE_SUBFOLDER = 0x080;
    public static final int FOLDER_OWNER = 0x100;
    public static final int FOLDER_CONTACT = 0x200;
    public static final int FOLDER_VISIBLE = 0x400;

    public static final int ALL = READ_ANY | CREATE | EDIT_OWNED | DELETE_OWNED | EDIT_ANY | DELETE_ANY
            | CREATE_SUBFOLDER | FOLDER_OWNER | FOLDER_CONTACT | FOLDER_VISIBLE;

    private Rights() {
    }

    public static boolean has(int rights, int wanted) {
        return (rights & wanted) == wanted;
    }

    /** The role presets Outlook and Kopano offer; each is a fixed set of rights bits. */
    public enum Role {
        OWNER(ALL),
        PUBLISHING_EDITOR(READ_ANY | CREATE | EDIT_OWNED | DELETE_OWNED | EDIT_ANY | DELETE_ANY | CREATE_SUBFOLDER
                | FOLDER_VISIBLE),
        EDITOR(READ_ANY | CREATE | EDIT_OWNED | DELETE_OWNED | EDIT_ANY | DELETE_ANY | FOLDER_VISIBLE),
        PUBLISHING_AUTHOR(READ_ANY | CREATE | EDIT_OWNED | DELETE_OWNED | CREATE_SUBFOLDER | FOLDER_VISIBLE),
        AUTHOR(READ_ANY | CREATE | EDIT_OWNED | DELETE_OWNED | FOLDER_VISIBLE),
        NONEDITING_AUTHOR(READ_ANY | CREATE | DELETE_OWNED | FOLDER_VISIBLE),
        REVIEWER(READ_ANY | FOLDER_VISIBLE),
        CONTRIBUTOR(CREATE | FOLDER_VISIBLE),
        NONE(0);

        private final int rights;

        Role(int rights) {
            this.rights = rights;
        }

        public int rights() {
            return rights;
        }
    }
}

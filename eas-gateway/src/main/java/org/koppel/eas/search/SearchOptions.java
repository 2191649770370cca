package org.koppel.eas.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.sync.BodyPreference;

/**
 * The Options of a Search Store ([MS-ASCMD] 2.2.3.125.3).
 *
 * @param range          the results wanted, when named
 * @param deepTraversal  also the subfolders of the collections named
 * @param rebuildResults rebuild instead of reusing earlier results (every search here is built anew)
 * @param picture        14.1+, GAL: contact pictures wanted (MaxSize, MaxPictures)
 */
public record SearchOptions(Optional<Range> range, boolean deepTraversal, boolean rebuildResults,
        List<BodyPreference> bodyPreferences, List<BodyPreference> bodyPartPreferences, Optional<Integer> mimeSupport,
        Optional<Boolean> rightsManagementSupport, Optional<Picture> picture, Optional<String> userName,
        Optional<String> password) {

    /** gal:Picture options: the largest picture in bytes and the most pictures. */
    public record Picture(Optional<Long> maxSize, Optional<Integer> maxPictures) {
    }

    public SearchOptions {
        Objects.requireNonNull(range, "range");
        bodyPreferences = List.copyOf(bodyPreferences);
        bodyPartPreferences = List.copyOf(bodyPartPreferences);
        Objects.requireNonNull(mimeSupport, "mimeSupport");
        Objects.requireNonNull(rightsManagementSupport, "rightsManagementSupport");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
    }

    public static SearchOptions none() {
        return new SearchOptions(Optional.empty(), false, false, List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SearchOptions withRange(Range r) {
        return new SearchOptions(Optional.of(r), deepTraversal, rebuildResults, bodyPreferences, bodyPartPreferences,
                mimeSupport, rightsManagementSupport, picture, userName, password);
    }

    public SearchOptions withDeepTraversal(boolean deep) {
        return new SearchOptions(range, deep, rebuildResults, bodyPreferences, bodyPartPreferences, mimeSupport,
                rightsManagementSupport, picture, userName, password);
    }

    public SearchOptions withBodyPreference(BodyPreference p) {
        return new SearchOptions(range, deepTraversal, rebuildResults, List.of(p), bodyPartPreferences, mimeSupport,
                rightsManagementSupport, picture, userName, password);
    }

    public SearchOptions withPicture(Picture p) {
        return new SearchOptions(range, deepTraversal, rebuildResults, bodyPreferences, bodyPartPreferences,
                mimeSupport, rightsManagementSupport, Optional.of(p), userName, password);
    }
}

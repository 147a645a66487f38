package dev.smtpunit.internal.html;

import dev.smtpunit.internal.html.CssScan.AtRule;
import dev.smtpunit.internal.html.CssScan.Declaration;
import dev.smtpunit.internal.html.HtmlTokens.Attribute;
import dev.smtpunit.internal.html.HtmlTokens.StartTag;
import dev.smtpunit.internal.html.HtmlTokens.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the caniemail features an HTML document uses: elements, attributes, CSS properties and values,
 * functions, units, at-rules, media features, selectors and image formats. Each feature id maps to how
 * it shows in markup in {@link #TABLE}; the features not listed there cannot be seen in the HTML
 * ({@code bimi}, {@code image-hdr}) and are never reported.
 */
public final class HtmlFeatures {
    /**
     * One line per way a feature shows: {@code <slug> <kind> <arguments>}. Kinds: {@code prop} (any of
     * these properties), {@code prefix} (a property starting so), {@code value} (property and a value
     * pattern), {@code func} (a CSS function), {@code unit}, {@code keyword} (a value word), {@code at}
     * (an at-rule), {@code media} (a media feature pattern), {@code pseudo}, {@code selector},
     * {@code element}, {@code attr}, {@code typed} (element, type attribute value), {@code href} (a link
     * prefix), {@code image} (file extensions or media types), {@code special} (coded below).
     */
    private static final String TABLE = """
            amp special amp
            css-accent-color prop accent-color
            css-align-items prop align-items
            css-animation prop animation animation-name animation-duration animation-timing-function animation-delay animation-iteration-count animation-direction animation-fill-mode animation-play-state
            css-aspect-ratio prop aspect-ratio
            css-at-font-face at font-face
            css-at-import at import
            css-at-keyframes at keyframes
            css-at-media-device-pixel-ratio media device-pixel-ratio
            css-at-media-hover media \\((?:any-)?hover\\b
            css-at-media-orientation media \\(\\s*orientation\\b
            css-at-media-prefers-color-scheme media prefers-color-scheme
            css-at-media-prefers-reduced-motion media prefers-reduced-motion
            css-at-media at media
            css-at-supports at supports
            css-backdrop-filter prop backdrop-filter
            css-background-blend-mode prop background-blend-mode
            css-background-clip prop background-clip
            css-background-color prop background-color
            css-background-image prop background-image
            css-background-origin prop background-origin
            css-background-position prop background-position background-position-x background-position-y
            css-background-repeat prop background-repeat
            css-background-size prop background-size
            css-background prop background
            css-block-inline-size prop block-size inline-size
            css-border-collapse prop border-collapse
            css-border-image prop border-image border-image-source border-image-slice border-image-width border-image-outset border-image-repeat
            css-border-inline-block-individual prop border-inline-color border-block-color border-inline-style border-block-style border-inline-width border-block-width border-inline-start border-inline-end border-block-start border-block-end
            css-border-inline-block-longhand prop border-inline-start-color border-block-start-color border-inline-start-style border-block-start-style border-inline-start-width border-block-start-width border-inline-end-color border-block-end-color border-inline-end-style border-block-end-style border-inline-end-width border-block-end-width
            css-border-inline-block prop border-inline border-block
            css-border-radius-logical prop border-start-start-radius border-start-end-radius border-end-start-radius border-end-end-radius
            css-border-radius prop border-radius border-top-left-radius border-top-right-radius border-bottom-left-radius border-bottom-right-radius
            css-border-spacing prop border-spacing
            css-border prop border border-width border-style border-color border-top border-bottom border-left border-right border-top-width border-top-style border-top-color border-bottom-width border-bottom-style border-bottom-color border-left-width border-left-style border-left-color border-right-width border-right-style border-right-color
            css-box-shadow prop box-shadow
            css-box-sizing prop box-sizing
            css-caption-side prop caption-side
            css-clear prop clear
            css-clip-path prop clip-path
            css-color-scheme prop color-scheme
            css-column-count prop column-count
            css-column-layout-properties prop columns column-fill column-gap column-rule column-rule-color column-rule-style column-rule-width column-span column-width
            css-comments special css-comments
            css-conic-gradient func conic-gradient repeating-conic-gradient
            css-cursor prop cursor
            css-direction prop direction
            css-display-flex value display ^(?:inline-)?flex$
            css-display-grid value display ^(?:inline-)?grid$
            css-display-none value display ^none$
            css-display prop display
            css-empty-cells prop empty-cells
            css-filter prop filter
            css-flex-direction prop flex-direction
            css-flex-wrap prop flex-wrap
            css-float prop float
            css-font-kerning prop font-kerning
            css-font-size-adjust prop font-size-adjust
            css-font-size prop font-size
            css-font-stretch prop font-stretch
            css-font-weight prop font-weight
            css-font prop font
            css-function-clamp func clamp
            css-function-light-dark func light-dark
            css-function-max func max
            css-function-min func min
            css-gap prop gap column-gap row-gap grid-gap
            css-grid-template prop grid-template grid-template-areas grid-template-columns grid-template-rows
            css-height prop height
            css-hyphenate-character prop hyphenate-character
            css-hyphenate-limit-chars prop hyphenate-limit-chars
            css-hyphens prop hyphens
            css-important special css-important
            css-inert-attribute attr inert
            css-inline-size prop inline-size
            css-inset prop inset inset-block inset-inline inset-inline-start inset-inline-end inset-block-start inset-block-end
            css-intrinsic-size keyword fit-content min-content max-content
            css-intrinsic-size func fit-content
            css-justify-content prop justify-content
            css-left-right-top-bottom prop left right top bottom
            css-letter-spacing prop letter-spacing
            css-line-height prop line-height
            css-linear-gradient func linear-gradient repeating-linear-gradient
            css-list-style-image prop list-style-image
            css-list-style-position prop list-style-position
            css-list-style-type prop list-style-type
            css-list-style prop list-style
            css-margin-block-start-end prop margin-block-start margin-block-end
            css-margin-inline-block prop margin-inline margin-block
            css-margin-inline-start-end prop margin-inline-start margin-inline-end
            css-margin prop margin margin-left margin-right margin-top margin-bottom
            css-mask-image prop mask-image
            css-max-block-size prop max-block-size
            css-max-height prop max-height
            css-max-inline-size prop max-inline-size
            css-max-width prop max-width
            css-min-block-size prop min-block-size
            css-min-height prop min-height
            css-min-inline-size prop min-inline-size
            css-min-width prop min-width
            css-mix-blend-mode prop mix-blend-mode
            css-modern-color func lch oklch lab oklab
            css-nesting special css-nesting
            css-object-fit prop object-fit
            css-object-position prop object-position
            css-opacity prop opacity
            css-orphans prop orphans
            css-outline-offset prop outline-offset
            css-outline prop outline outline-color outline-style outline-width
            css-overflow-wrap prop overflow-wrap
            css-overflow prop overflow overflow-x overflow-y overflow-block overflow-inline
            css-padding-block-start-end prop padding-block-start padding-block-end
            css-padding-inline-block prop padding-inline padding-block
            css-padding-inline-start-end prop padding-inline-start padding-inline-end
            css-padding prop padding padding-left padding-right padding-top padding-bottom
            css-position prop position
            css-radial-gradient func radial-gradient repeating-radial-gradient
            css-resize prop resize
            css-rgb func rgb
            css-rgba func rgba
            css-scroll-snap prefix scroll-snap-
            css-shape-margin prop shape-margin
            css-shape-outside prop shape-outside
            css-sytem-ui keyword system-ui ui-serif ui-sans-serif ui-rounded ui-monospace
            css-tab-size prop tab-size
            css-table-layout prop table-layout
            css-text-align-last prop text-align-last
            css-text-align prop text-align
            css-text-decoration-color prop text-decoration-color
            css-text-decoration-line prop text-decoration-line
            css-text-decoration-skip-ink prop text-decoration-skip-ink
            css-text-decoration-style prop text-decoration-style
            css-text-decoration-thickness prop text-decoration-thickness
            css-text-decoration prop text-decoration
            css-text-emphasis-position prop text-emphasis-position
            css-text-emphasis prop text-emphasis text-emphasis-style text-emphasis-color
            css-text-indent prop text-indent
            css-text-justify prop text-justify
            css-text-orientation prop text-orientation
            css-text-overflow prop text-overflow
            css-text-shadow prop text-shadow
            css-text-transform prop text-transform
            css-text-underline-offset prop text-underline-offset
            css-text-underline-position prop text-underline-position
            css-text-wrap prop text-wrap text-wrap-mode text-wrap-style
            css-transform prop transform transform-origin
            css-transition prop transition transition-property transition-duration transition-timing-function transition-delay
            css-user-select prop user-select
            css-variables special css-variables
            css-vertical-align prop vertical-align
            css-visibility prop visibility
            css-white-space-collapse prop white-space-collapse
            css-white-space prop white-space
            css-widows prop widows
            css-width prop width
            css-word-break prop word-break
            css-word-spacing prop word-spacing
            css-word-wrap prop word-wrap
            css-writing-mode prop writing-mode
            css-z-index prop z-index
            css-pseudo-class-active pseudo active
            css-pseudo-class-checked pseudo checked
            css-pseudo-class-default pseudo default
            css-pseudo-class-first-child pseudo first-child
            css-pseudo-class-first-of-type pseudo first-of-type
            css-pseudo-class-focus-visible pseudo focus-visible
            css-pseudo-class-focus-within pseudo focus-within
            css-pseudo-class-focus pseudo focus
            css-pseudo-class-has pseudo has
            css-pseudo-class-hover pseudo hover
            css-pseudo-class-lang pseudo lang
            css-pseudo-class-last-child pseudo last-child
            css-pseudo-class-last-of-type pseudo last-of-type
            css-pseudo-class-link pseudo link
            css-pseudo-class-not pseudo not
            css-pseudo-class-nth-child pseudo nth-child
            css-pseudo-class-nth-last-child pseudo nth-last-child
            css-pseudo-class-nth-last-of-type pseudo nth-last-of-type
            css-pseudo-class-nth-of-type pseudo nth-of-type
            css-pseudo-class-only-child pseudo only-child
            css-pseudo-class-only-of-type pseudo only-of-type
            css-pseudo-class-target pseudo target
            css-pseudo-class-visited pseudo visited
            css-pseudo-element-after pseudo after
            css-pseudo-element-before pseudo before
            css-pseudo-element-first-letter pseudo first-letter
            css-pseudo-element-first-line pseudo first-line
            css-pseudo-element-marker pseudo marker
            css-pseudo-element-placeholder pseudo placeholder
            css-selector-adjacent-sibling selector adjacent-sibling
            css-selector-attribute selector attribute
            css-selector-chaining selector chaining
            css-selector-child selector child
            css-selector-class selector class
            css-selector-descendant selector descendant
            css-selector-general-sibling selector general-sibling
            css-selector-grouping selector grouping
            css-selector-id selector id
            css-selector-type selector type
            css-selector-universal selector universal
            css-unit-calc func calc
            css-unit-ch unit ch
            css-unit-cm unit cm
            css-unit-em unit em
            css-unit-ex unit ex
            css-unit-in unit in
            css-unit-initial keyword initial
            css-unit-mm unit mm
            css-unit-pc unit pc
            css-unit-percent unit %
            css-unit-pt unit pt
            css-unit-px unit px
            css-unit-rem unit rem
            css-unit-vh unit vh
            css-unit-vmax unit vmax
            css-unit-vmin unit vmin
            css-unit-vw unit vw
            html-abbr element abbr
            html-acronym element acronym
            html-address element address
            html-align attr align
            html-anchor-links href #
            html-aria-describedby attr aria-describedby
            html-aria-hidden attr aria-hidden
            html-aria-label attr aria-label
            html-aria-labelledby attr aria-labelledby
            html-aria-live attr aria-live
            html-audio element audio
            html-background attr background
            html-base element base
            html-bdi element bdi
            html-blockquote element blockquote
            html-body element body
            html-button-reset typed button reset
            html-button-submit typed button submit
            html-cellpadding attr cellpadding
            html-cellspacing attr cellspacing
            html-code element code
            html-comments special html-comments
            html-del element del
            html-dfn element dfn
            html-dialog element dialog
            html-dir attr dir
            html-div element div
            html-doctype special html-doctype
            html-form element form
            html-h1-h6 element h1 h2 h3 h4 h5 h6
            html-height attr height
            html-hidden attr hidden
            html-hr element hr
            html-image-maps element map area
            html-image-maps attr usemap
            html-img element img
            html-input-checkbox typed input checkbox
            html-input-hidden typed input hidden
            html-input-radio typed input radio
            html-input-reset typed input reset
            html-input-submit typed input submit
            html-input-text typed input text
            html-lang attr lang
            html-link element link
            html-lists element ul ol dl
            html-loading-attribute attr loading
            html-mailto-links href mailto:
            html-marquee element marquee
            html-meta-color-scheme special html-meta-color-scheme
            html-meter element meter
            html-object element object
            html-p element p
            html-picture element picture
            html-popover attr popover
            html-pre element pre
            html-progress element progress
            html-required attr required
            html-role attr role
            html-rp element rp
            html-rt element rt
            html-ruby element ruby
            html-select element select
            html-semantics element article aside details figcaption figure footer header main mark nav section summary time
            html-small element small
            html-span element span
            html-srcset attr srcset sizes
            html-strike element strike
            html-strong element strong
            html-style element style
            html-svg element svg
            html-table element table
            html-target attr target
            html-textarea element textarea
            html-valign attr valign
            html-video element video
            html-wbr element wbr
            html-width attr width
            image-apng image apng image/apng
            image-avif image avif image/avif
            image-base64 special image-base64
            image-bmp image bmp image/bmp
            image-gif image gif image/gif
            image-heif image heif heic image/heif image/heic
            image-ico image ico image/x-icon image/vnd.microsoft.icon
            image-jpg image jpg jpeg image/jpeg image/jpg
            image-mp4 image mp4 video/mp4
            image-png image png image/png
            image-svg image svg image/svg+xml
            image-tiff image tif tiff image/tiff
            image-webp image webp image/webp
            """;

    private static final Pattern FUNCTION = Pattern.compile("(?<![\\w-])([a-zA-Z-]+)\\(");
    private static final Pattern NUMBER_UNIT =
            Pattern.compile("(?<![\\w#.-])[+-]?(?:\\d+\\.?\\d*|\\.\\d+)([a-zA-Z]+|%)(?![\\w-])");
    private static final Pattern WORD = Pattern.compile("(?<![\\w-])[a-zA-Z][\\w-]*");
    private static final Pattern URL =
            Pattern.compile("url\\(\\s*['\"]?([^'\")]*)['\"]?\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTYPE_HTML5 = Pattern.compile("(?i)doctype\\s+html\\s*");

    private static final Map<String, List<String>> PROPERTIES = new HashMap<>();
    private static final List<String[]> PREFIXES = new ArrayList<>();
    private static final List<Object[]> VALUES = new ArrayList<>();
    private static final Map<String, String> FUNCTIONS = new HashMap<>();
    private static final Map<String, String> UNITS = new HashMap<>();
    private static final Map<String, String> KEYWORDS = new HashMap<>();
    private static final Map<String, String> AT_RULES = new HashMap<>();
    private static final List<Object[]> MEDIA = new ArrayList<>();
    private static final Map<String, String> PSEUDO = new HashMap<>();
    private static final Map<String, String> SELECTORS = new HashMap<>();
    private static final Map<String, String> ELEMENTS = new HashMap<>();
    private static final Map<String, String> ATTRIBUTES = new HashMap<>();
    private static final Map<String, String> TYPED = new HashMap<>();
    private static final Map<String, String> HREFS = new LinkedHashMap<>();
    private static final Map<String, String> IMAGES = new HashMap<>();

    static {
        for (String line : TABLE.strip().split("\n")) {
            String[] w = line.strip().split(" ");
            String slug = w[0];
            switch (w[1]) {
                case "prop" -> {
                    for (int i = 2; i < w.length; i++) {
                        PROPERTIES.computeIfAbsent(w[i], k -> new ArrayList<>()).add(slug);
                    }
                }
                case "prefix" -> PREFIXES.add(new String[] {w[2], slug});
                case "value" -> VALUES.add(new Object[] {w[2], Pattern.compile(w[3], Pattern.CASE_INSENSITIVE), slug});
                case "func" -> put(FUNCTIONS, w, slug);
                case "unit" -> put(UNITS, w, slug);
                case "keyword" -> put(KEYWORDS, w, slug);
                case "at" -> put(AT_RULES, w, slug);
                case "media" -> MEDIA.add(new Object[] {Pattern.compile(w[2], Pattern.CASE_INSENSITIVE), slug});
                case "pseudo" -> put(PSEUDO, w, slug);
                case "selector" -> put(SELECTORS, w, slug);
                case "element" -> put(ELEMENTS, w, slug);
                case "attr" -> put(ATTRIBUTES, w, slug);
                case "typed" -> TYPED.put(w[2] + " " + w[3], slug);
                case "href" -> HREFS.put(w[2], slug);
                case "image" -> put(IMAGES, w, slug);
                case "special" -> {
                    // detected by name in the code below
                }
                default -> throw new IllegalStateException("unknown kind in " + line);
            }
        }
    }

    private static void put(Map<String, String> map, String[] w, String slug) {
        for (int i = 2; i < w.length; i++) {
            map.put(w[i], slug);
        }
    }

    private final Map<String, String> found = new LinkedHashMap<>();
    /** Style attributes and declarations already read: a repeated one can only add evidence, never a feature. */
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    private final Function<String, String> cidTypes;

    private HtmlFeatures(Function<String, String> cidTypes) {
        this.cidTypes = cidTypes;
    }

    /** {@return every feature id the table can detect} */
    public static java.util.Set<String> detectable() {
        java.util.Set<String> slugs = new java.util.TreeSet<>();
        for (String line : TABLE.strip().split("\n")) {
            slugs.add(line.strip().split(" ")[0]);
        }
        return slugs;
    }

    /**
     * @param tokens the document's tokens
     * @param cidTypes the media type of the part a {@code cid:} reference names (without {@code cid:}), or null
     * @return feature id to the first place it is used, in order of first use
     */
    public static Map<String, String> detect(List<Token> tokens, Function<String, String> cidTypes) {
        HtmlFeatures f = new HtmlFeatures(cidTypes);
        f.walk(tokens);
        return f.found;
    }

    private void add(String slug, String evidence) {
        found.putIfAbsent(slug, evidence);
    }

    private void walk(List<Token> tokens) {
        boolean inStyle = false;
        for (Token t : tokens) {
            if (t instanceof HtmlTokens.Doctype d
                    && DOCTYPE_HTML5.matcher(d.text()).matches()) {
                add("html-doctype", "<!" + d.text() + ">");
            } else if (t instanceof HtmlTokens.Comment c) {
                add("html-comments", "<!--" + abbreviate(c.text(), 40) + "-->");
            } else if (t instanceof StartTag tag) {
                tag(tag);
                inStyle = tag.name().equals("style") && !tag.selfClosing();
            } else if (t instanceof HtmlTokens.Text text && inStyle) {
                CssScan.Result css = new CssScan.Result();
                CssScan.styleSheet(text.text().replace("<!--", " ").replace("-->", " "), css);
                css(css, "in <style>");
                inStyle = false;
            } else {
                inStyle = false;
            }
        }
    }

    private void tag(StartTag tag) {
        String evidence = abbreviate(tag.source(), 80);
        String element = ELEMENTS.get(tag.name());
        if (element != null) {
            add(element, evidence);
        }
        String type = tag.attribute("type");
        if (tag.name().equals("input") || tag.name().equals("button")) {
            String t = type == null
                    ? (tag.name().equals("input") ? "text" : "submit")
                    : type.strip().toLowerCase(Locale.ROOT);
            String typed = TYPED.get(tag.name() + " " + t);
            if (typed != null) {
                add(typed, evidence);
            }
        }
        if (tag.name().equals("meta")) {
            String name = tag.attribute("name");
            if (name != null
                    && (name.equalsIgnoreCase("color-scheme") || name.equalsIgnoreCase("supported-color-schemes"))) {
                add("html-meta-color-scheme", evidence);
            }
        }
        for (Attribute a : tag.attributes()) {
            String attribute = ATTRIBUTES.get(a.name());
            if (attribute != null
                    && !(a.name().equals("background") && tag.name().equals("html"))) {
                add(attribute, evidence);
            }
            if (a.name().equals("style") && seen.add("style\u0000" + tag.name() + "\u0000" + a.value())) {
                CssScan.Result css = new CssScan.Result();
                CssScan.declarations(a.value(), css);
                css(css, "in the style attribute of <" + tag.name() + ">");
            }
        }
        String href = tag.attribute("href");
        if (href != null && (tag.name().equals("a") || tag.name().equals("area"))) {
            String h = href.strip().toLowerCase(Locale.ROOT);
            HREFS.forEach((prefix, slug) -> {
                if (h.startsWith(prefix)) {
                    add(slug, evidence);
                }
            });
        }
        if (tag.name().equals("img") || (tag.name().equals("input") && "image".equalsIgnoreCase(type))) {
            image(tag.attribute("src"), evidence);
        }
        if (tag.name().equals("source") || tag.name().equals("video")) {
            image(tag.attribute("src"), evidence);
        }
        image(tag.attribute("background"), evidence);
    }

    private void image(String src, String evidence) {
        if (src == null || src.isBlank()) {
            return;
        }
        String s = src.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            int end = lower.indexOf(';');
            int comma = lower.indexOf(',');
            String type = lower.substring(5, end > 0 ? end : comma > 0 ? comma : lower.length());
            if (lower.contains(";base64,")) {
                add("image-base64", evidence);
            }
            addImage(type, evidence);
        } else if (lower.startsWith("cid:")) {
            String type = cidTypes == null ? null : cidTypes.apply(s.substring(4));
            if (type != null) {
                addImage(type.toLowerCase(Locale.ROOT), evidence);
            }
        } else {
            String path = lower.replaceAll("[?#].*", "");
            int dot = path.lastIndexOf('.');
            if (dot >= 0 && path.indexOf('/', dot) < 0) {
                addImage(path.substring(dot + 1), evidence);
            }
        }
    }

    private void addImage(String extensionOrType, String evidence) {
        String slug = IMAGES.get(extensionOrType);
        if (slug != null) {
            add(slug, evidence);
        }
    }

    private void css(CssScan.Result css, String where) {
        if (css.comments) {
            add("css-comments", "a CSS comment " + where);
        }
        if (css.nesting) {
            add("css-nesting", "a nested rule " + where);
        }
        for (AtRule at : css.atRules) {
            String ev = "@" + at.name() + " " + abbreviate(at.prelude(), 60) + " " + where;
            String name = at.name().replaceFirst("^-(webkit|moz|ms|o)-", "");
            String slug = AT_RULES.get(name);
            if (slug != null) {
                add(slug, ev.replace("  ", " "));
            }
            if (name.equals("media")) {
                for (Object[] m : MEDIA) {
                    if (((Pattern) m[0]).matcher(at.prelude()).find()) {
                        add((String) m[1], ev);
                    }
                }
            }
        }
        for (String selector : css.selectors) {
            selectors(selector, "selector \"" + abbreviate(selector, 60) + "\" " + where);
        }
        for (Declaration d : css.declarations) {
            if (!seen.contains("decl\u0000" + d)) {
                declaration(d, "\"" + abbreviate(d.toString(), 60) + "\" " + where);
            }
        }
    }

    private void declaration(Declaration d, String ev) {
        if (!seen.add("decl\u0000" + d)) {
            return;
        }
        if (d.important()) {
            add("css-important", ev);
        }
        if (d.property().startsWith("--")) {
            add("css-variables", ev);
        }
        for (String slug : PROPERTIES.getOrDefault(d.property(), List.of())) {
            add(slug, ev);
        }
        for (String[] p : PREFIXES) {
            if (d.property().startsWith(p[0])) {
                add(p[1], ev);
            }
        }
        for (Object[] v : VALUES) {
            if (d.property().equals(v[0])
                    && ((Pattern) v[1]).matcher(d.value().strip()).find()) {
                add((String) v[2], ev);
            }
        }
        Matcher url = URL.matcher(d.value());
        while (url.find()) {
            image(url.group(1), ev);
        }
        String value = URL.matcher(d.value()).replaceAll(" ").replaceAll("\"[^\"]*\"|'[^']*'", " ");
        Matcher fn = FUNCTION.matcher(value);
        while (fn.find()) {
            String name = fn.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("var")) {
                add("css-variables", ev);
            }
            String slug = FUNCTIONS.get(name.replaceFirst("^-(webkit|moz|ms|o)-", ""));
            if (slug != null) {
                add(slug, ev);
            }
        }
        Matcher unit = NUMBER_UNIT.matcher(value);
        while (unit.find()) {
            String slug = UNITS.get(unit.group(1).toLowerCase(Locale.ROOT));
            if (slug != null) {
                add(slug, ev);
            }
        }
        Matcher word = WORD.matcher(FUNCTION.matcher(value).replaceAll("("));
        while (word.find()) {
            String slug = KEYWORDS.get(word.group().toLowerCase(Locale.ROOT));
            if (slug != null) {
                add(slug, ev);
            }
        }
    }

    private void selectors(String list, String ev) {
        List<String> group = CssScan.splitTopLevel(list, ',');
        if (group.size() > 1) {
            add(SELECTORS.get("grouping"), ev);
        }
        for (String complex : group) {
            selector(complex.strip(), ev);
        }
    }

    /** One complex selector: compounds joined by combinators. */
    private void selector(String s, String ev) {
        int i = 0;
        int n = s.length();
        boolean compoundOpen = false;
        int simpleCount = 0;
        boolean pendingSpace = false;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = compoundOpen;
                i++;
                continue;
            }
            if (c == '>' || c == '+' || c == '~') {
                add(SELECTORS.get(c == '>' ? "child" : c == '+' ? "adjacent-sibling" : "general-sibling"), ev);
                chaining(simpleCount, ev);
                compoundOpen = false;
                pendingSpace = false;
                simpleCount = 0;
                i++;
                continue;
            }
            if (pendingSpace) {
                add(SELECTORS.get("descendant"), ev);
                chaining(simpleCount, ev);
                simpleCount = 0;
                pendingSpace = false;
            }
            compoundOpen = true;
            if (c == '.' || c == '#') {
                add(SELECTORS.get(c == '.' ? "class" : "id"), ev);
                simpleCount++;
                i = identEnd(s, i + 1);
            } else if (c == '[') {
                add(SELECTORS.get("attribute"), ev);
                simpleCount++;
                int end = s.indexOf(']', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '*') {
                add(SELECTORS.get("universal"), ev);
                i++;
            } else if (c == ':') {
                int start = Math.min(n, i + 1 < n && s.charAt(i + 1) == ':' ? i + 2 : i + 1);
                int end = identEnd(s, start);
                String slug = PSEUDO.get(s.substring(start, end).toLowerCase(Locale.ROOT));
                if (slug != null) {
                    add(slug, ev);
                }
                i = end;
                if (i < n && s.charAt(i) == '(') {
                    int close = matching(s, i);
                    selectors(s.substring(i + 1, Math.min(close, n)), ev);
                    i = Math.min(close + 1, n);
                }
            } else if (Character.isLetter(c)) {
                add(SELECTORS.get("type"), ev);
                simpleCount++;
                i = identEnd(s, i);
            } else {
                i++;
            }
        }
        chaining(simpleCount, ev);
    }

    private void chaining(int simpleCount, String ev) {
        if (simpleCount > 1) {
            add(SELECTORS.get("chaining"), ev);
        }
    }

    private static int identEnd(String s, int from) {
        int i = from;
        while (i < s.length()
                && (Character.isLetterOrDigit(s.charAt(i))
                        || s.charAt(i) == '-'
                        || s.charAt(i) == '_'
                        || s.charAt(i) == '\\')) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, s.length());
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    static String abbreviate(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < s.length() && sb.length() <= max; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        String one = sb.toString();
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }
}

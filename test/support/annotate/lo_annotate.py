#!/usr/bin/python3
# Copied from the project's shared annotation tools: LibreOffice (UNO) annotating a .docx as a reviewer would.
"""Annotate a .docx like a reviewer would, using LibreOffice (UNO) as the editor.

    /usr/bin/python3 lo_annotate.py IN.docx OUT.docx [--plan PLAN.json]
                     [--redlines record|explicit] [--soffice PATH] [--profile DIR]

What it does, all through LibreOffice's own API (nothing is written to the XML by hand):
  * starts its own soffice (headless, private profile, a named pipe, no TCP port),
  * loads IN.docx *model-only* (XLoadable.load on a bare TextDocument: no frame, no view),
  * adds comments (Annotation text fields) over phrases, optionally resolved,
    and "replies" (see the note on replies below),
  * switches change recording on and makes insertions / deletions / replacements,
  * stores OUT.docx with the "MS Word 2007 XML" filter, closes, terminates soffice.

Why model-only: the Debian package libreoffice-writer-nogui ships none of Writer's .ui
files (share/config/soffice.cfg/modules/swriter/ui/ is empty).  As soon as a document that
has comments gets a view (loadComponentFromURL, even Hidden=True), the comment sidebar
window (SwAnnotationWin, an InterimItemWindow built from modules/swriter/ui/annotation.ui)
is created on the next idle, the builder throws NoSuchElementException and soffice aborts
(SIGABRT from SvpSalInstance::DoYield).  Without a view there is no sidebar and no crash.
Consequence: no layout either, so the search API (findFirst/findAll) finds nothing; this
script locates phrases itself by walking paragraphs and text portions.

Replies: LibreOffice 7.4's comment model has no parent link (no "ParentName" property).
25.2 has ParentName / ParaIdParent, and the script sets ParentName there, but its DOCX
export wrote no w15:paraIdParent for it (tested: API-made replies, and a round trip of a file
with a reply, with and without a view).  The export seems to key on an internal parent id
that only the UI's reply command (.uno:ReplyComment) sets, and that did nothing headless.
So with either version a reply comes out as an ordinary comment on the same range (flat).

Redlines: --redlines record (default) turns RecordChanges on and edits the text; author =
the LibreOffice user name (set from the plan through the configuration API), date = now.
--redlines explicit edits with recording off and then marks the ranges with
XRedline.makeRedline("Insert"/"Delete", {RedlineAuthor, RedlineDateTime}) - the same call
LibreOffice's own DOCX import uses - so author and date come from the plan (reproducible).
RecordChanges is left on in the saved file either way (w:trackRevisions in settings.xml).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

def _reexec_for_private_lo():
    """--lo-root DIR: use a LibreOffice unpacked with dpkg-deb -x (setup_lo25.sh), client included.

    The client (pyuno) must be that version too: a 7.4 pyuno talking URP to a 25.2 soffice
    gets "Binary URP bridge disposed" on the first call.  So re-exec with its uno.py first."""
    if "--lo-root" not in sys.argv:
        return
    root = os.path.abspath(sys.argv[sys.argv.index("--lo-root") + 1])
    if os.environ.get("LO_ANNOT_ROOT") == root:
        return
    env = dict(os.environ, LO_ANNOT_ROOT=root)
    env["PYTHONPATH"] = os.pathsep.join(
        [root + "/usr/lib/python3/dist-packages"] + [p for p in [env.get("PYTHONPATH")] if p])
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


_reexec_for_private_lo()
sys.path.append("/usr/lib/python3/dist-packages")  # python3-uno lives here
import uno  # noqa: E402
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.util import DateTime  # noqa: E402

DEFAULT_PLAN = {
    "reviewer": {"name": "Ministry of Foreign Affairs", "initials": "MFA"},
    "date": "2024-03-05T10:30:00",
    "comments": [
        {"id": "c1", "find": "ภายใต้กฎหมายระหว่างประเทศ",
         "text": "ขอให้ตรวจสอบว่าถ้อยคำนี้สอดคล้องกับแนวปฏิบัติของกระทรวงการต่างประเทศ"},
        {"reply_to": "c1", "author": "Chiang Mai Province", "initials": "CM",
         "date": "2024-03-06T09:00:00",
         "text": "ถ้อยคำนี้ใช้ตามแบบบันทึกความเข้าใจที่กระทรวงเคยให้ความเห็นชอบ"},
        {"id": "c2", "find": "It does not create any rights or obligations under international law.",
         "text": "Please keep this sentence unchanged in both language versions.", "resolved": True},
        {"id": "c3", "find": "the English text shall prevail",
         "text": "Confirm with the partner that the English text prevails."},
    ],
    "changes": [
        {"insert": "อย่างใกล้ชิด", "after": "ร่วมมือกัน", "in": "ทั้งสองฝ่ายจะร่วมมือกันในสาขา"},
        {"delete": "ฉันมิตร"},
        {"insert": "closely ", "before": "cooperate in the following areas"},
        {"delete": " amicably"},
    ],
}


def pv(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def uno_datetime(iso):
    """'2024-03-05T10:30:00' -> com.sun.star.util.DateTime (local time, as LibreOffice uses)."""
    date, _, clock = iso.partition("T")
    y, mo, d = (int(x) for x in date.split("-"))
    hh, mi, ss = (int(float(x)) for x in (clock or "00:00:00").rstrip("Z").split(":"))
    dt = DateTime()
    dt.Year, dt.Month, dt.Day, dt.Hours, dt.Minutes, dt.Seconds = y, mo, d, hh, mi, ss
    return dt


def u16(s):
    return len(s.encode("utf-16-le")) // 2


class Office:
    """One private soffice process, reached over a named pipe."""

    def __init__(self, soffice, profile):
        self.pipe = "annot_%d" % os.getpid()
        self.tmp_profile = None
        if profile is None:
            self.tmp_profile = profile = tempfile.mkdtemp(prefix="lo_profile_")
        cmd = [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
               "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe]
        env = dict(os.environ)
        program = os.path.dirname(os.path.abspath(soffice))
        if program != "/usr/lib/libreoffice/program":
            # a LibreOffice unpacked with dpkg-deb -x (see README): its own libraries first
            libdir = os.path.normpath(os.path.join(program, "..", "..", "x86_64-linux-gnu"))
            env["LD_LIBRARY_PATH"] = ":".join(
                [program, libdir] + [p for p in [env.get("LD_LIBRARY_PATH")] if p])
        start = lambda: subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.DEVNULL, start_new_session=True, env=env)
        self.proc = start()
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 60
        while True:
            try:
                self.ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:
                rc = self.proc.poll()
                if rc == 81:  # first start on a new profile: soffice.bin asks to be restarted
                    self.proc = start()
                elif rc is not None or time.time() > deadline:
                    raise RuntimeError("soffice did not come up (rc=%s)" % rc)
                time.sleep(0.1)
        self.smgr = self.ctx.ServiceManager

    def set_user(self, name, initials):
        """Tracked changes are attributed to the LibreOffice user (Tools > Options > User Data)."""
        given, surname = name, ""  # LibreOffice's full name = "givenname sn", trimmed
        cp = self.smgr.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        ua = cp.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (pv("nodepath", "/org.openoffice.UserProfile/Data"),))
        ua.setPropertyValue("givenname", given)
        ua.setPropertyValue("sn", surname)
        ua.setPropertyValue("initials", initials or "")
        ua.commitChanges()

    def close(self):
        try:
            desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down while terminate() returns
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)  # our own process group (start_new_session)
            self.proc.wait()
        if self.tmp_profile:
            shutil.rmtree(self.tmp_profile, ignore_errors=True)


class Finder:
    """Locate phrases without the (layout-dependent) search API."""

    def __init__(self, doc):
        self.paras = []  # list of [(portion, text_or_None)]
        self._walk(doc.Text)

    def _walk(self, text):
        e = text.createEnumeration()
        while e.hasMoreElements():
            el = e.nextElement()
            if el.supportsService("com.sun.star.text.TextTable"):
                for cell in el.getCellNames():
                    self._walk(el.getCellByName(cell))
            elif el.supportsService("com.sun.star.text.Paragraph"):
                parts, pe = [], el.createEnumeration()
                while pe.hasMoreElements():
                    portion = pe.nextElement()
                    kind = portion.TextPortionType
                    parts.append((portion, portion.getString() if kind == "Text" else None))
                self.paras.append(parts)

    def find(self, phrase, inside=None, occurrence=None):
        """Return a text cursor selecting `phrase` (inside the unique `inside` context if given)."""
        needle = inside or phrase
        hits = []
        for parts in self.paras:
            joined = "".join(t if t is not None else "\x00" for _, t in parts)
            start = joined.find(needle)
            while start >= 0:
                hits.append((parts, joined, start))
                start = joined.find(needle, start + 1)
        if occurrence is None and len(hits) != 1:
            raise SystemExit("phrase %r found %d times (give 'in' or 'occurrence')" % (needle, len(hits)))
        if occurrence is not None and not 1 <= occurrence <= len(hits):
            raise SystemExit("phrase %r: occurrence %d of %d" % (needle, occurrence, len(hits)))
        parts, joined, start = hits[(occurrence or 1) - 1]
        if inside:
            off = joined.find(phrase, start, start + len(inside))
            if off < 0:
                raise SystemExit("%r is not inside %r" % (phrase, inside))
            start = off
        return self._cursor(parts, start, start + len(phrase))

    @staticmethod
    def _locate(parts, pos):
        at = 0
        for portion, t in parts:
            n = len(t) if t is not None else 1
            if t is not None and at <= pos <= at + n:
                return portion, u16(t[:pos - at])
            at += n
        raise SystemExit("position %d not in a text portion" % pos)

    def _cursor(self, parts, start, end):
        p1, o1 = self._locate(parts, start)
        p2, o2 = self._locate(parts, end)
        text = p1.getText()
        cur = text.createTextCursorByRange(p1.getStart())
        cur.goRight(o1, False)
        endcur = text.createTextCursorByRange(p2.getStart())
        endcur.goRight(o2, False)
        cur.gotoRange(endcur.getStart(), True)
        return cur


def annotate(office, src, dst, plan, redline_mode):
    reviewer = plan.get("reviewer", {})
    default_author = reviewer.get("name", "Reviewer")
    default_initials = reviewer.get("initials", "")
    default_date = plan.get("date", "2024-03-05T10:30:00")

    # Load a private copy: LibreOffice writes a .~lock.NAME# file next to what it loads, and a
    # stale lock left by a killed soffice makes later loads of that path fail.
    work = tempfile.mkdtemp(prefix="lo_annot_")
    copy = os.path.join(work, "in.docx")
    shutil.copyfile(src, copy)
    doc = office.smgr.createInstanceWithContext("com.sun.star.text.TextDocument", office.ctx)
    doc.load((pv("URL", uno.systemPathToFileUrl(copy)), pv("FilterName", "MS Word 2007 XML")))
    try:
        finder = Finder(doc)
        doc.RecordChanges = False
        # Comments first, with recording off: an annotation inserted while recording would
        # itself become a tracked insertion.
        by_id, ranges = {}, {}
        for c in plan.get("comments", []):
            ann = doc.createInstance("com.sun.star.text.textfield.Annotation")
            ann.Author = c.get("author", default_author)
            ann.Initials = c.get("initials", default_initials)
            ann.Content = c["text"]
            ann.DateTimeValue = uno_datetime(c.get("date", default_date))
            if "reply_to" in c:
                parent = by_id[c["reply_to"]]
                rng = ranges[c["reply_to"]]
                names = [p.Name for p in ann.getPropertySetInfo().getProperties()]
                if "ParentName" in names:  # LibreOffice >= 7.5 keeps the link in its model ...
                    ann.ParentName = parent.Name
                # ... but neither 7.4 nor 25.2 writes w15:paraIdParent for it (tested): flat.
                print("note: LibreOffice writes the reply to %r as a separate comment on the "
                      "same range (no w15:paraIdParent)" % c["reply_to"], file=sys.stderr)
                cur = rng.getText().createTextCursorByRange(rng)
            else:
                cur = finder.find(c["find"], c.get("in"), c.get("occurrence"))
            cur.getText().insertTextContent(cur, ann, True)  # absorb=True -> range comment
            if c.get("resolved"):
                ann.Resolved = True
            if "id" in c:
                by_id[c["id"]], ranges[c["id"]] = ann, cur
            # anchors changed the portions of that paragraph: walk again
            finder = Finder(doc)

        current_user = None
        for ch in plan.get("changes", []):
            author = ch.get("author", default_author)
            initials = ch.get("initials", default_initials)
            if redline_mode == "record":
                if author != current_user:
                    office.set_user(author, initials)
                    current_user = author
                doc.RecordChanges = True
            if "insert" in ch:
                anchor = finder.find(ch.get("after") or ch["before"], ch.get("in"), ch.get("occurrence"))
                at = anchor.getEnd() if "after" in ch else anchor.getStart()
                text = anchor.getText()
                cur = text.createTextCursorByRange(at)
                text.insertString(cur, ch["insert"], True)  # absorb -> cur selects the new text
                kinds = [("Insert", cur)]
            elif "delete" in ch:
                cur = finder.find(ch["delete"], ch.get("in"), ch.get("occurrence"))
                kinds = [("Delete", cur)]
                if redline_mode == "record":
                    cur.setString("")
            elif "replace" in ch:
                cur = finder.find(ch["replace"], ch.get("in"), ch.get("occurrence"))
                if redline_mode == "record":
                    cur.setString(ch["with"])
                    kinds = []
                else:
                    text = cur.getText()
                    ins = text.createTextCursorByRange(cur.getEnd())
                    text.insertString(ins, ch["with"], True)
                    kinds = [("Delete", cur), ("Insert", ins)]
            else:
                raise SystemExit("unknown change %r" % ch)
            if redline_mode == "explicit":
                props = (pv("RedlineAuthor", author),
                         pv("RedlineDateTime", uno_datetime(ch.get("date", default_date))))
                for kind, rng in kinds:
                    rng.makeRedline(kind, props)
            finder = Finder(doc)
        doc.RecordChanges = True
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)),
                       (pv("FilterName", "MS Word 2007 XML"), pv("Overwrite", True)))
    finally:
        doc.close(True)
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--plan", help="JSON plan (default: the built-in MOU plan)")
    ap.add_argument("--redlines", choices=["record", "explicit"], default="record")
    ap.add_argument("--soffice", help="soffice.bin to run (default: the system one, or the one under --lo-root)")
    ap.add_argument("--lo-root", help="root of a LibreOffice unpacked by setup_lo25.sh")
    ap.add_argument("--profile", help="reuse this LibreOffice profile folder (faster start)")
    args = ap.parse_args()
    plan = DEFAULT_PLAN
    if args.plan:
        with open(args.plan, encoding="utf-8") as f:
            plan = json.load(f)
    soffice = args.soffice or ((args.lo_root or "") + "/usr/lib/libreoffice/program/soffice.bin")
    t0 = time.time()
    office = Office(soffice, args.profile)
    t1 = time.time()
    try:
        annotate(office, args.src, args.dst, plan, args.redlines)
    finally:
        t2 = time.time()
        office.close()
    t3 = time.time()
    print("wrote %s  (start %.2fs, edit+save %.2fs, shutdown %.2fs, total %.2fs)"
          % (args.dst, t1 - t0, t2 - t1, t3 - t2, t3 - t0))


if __name__ == "__main__":
    main()

package io.jixiao.api.library;

import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.model.Actor;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Goals in the standard declaration form 项目支出绩效目标申报表, as a spreadsheet: a declared form becomes a draft goal
 * (then reviewed as any other), and a goal version is written back in the same layout. Roles and scope are the
 * goal workflow's.
 */
@ProviderType
public interface GoalFormService {

    /**
     * Reads a declaration form and drafts its goal.
     *
     * @param file the form (.xlsx or CSV), read and deleted
     * @param csvCharset a CSV form's encoding
     * @param region the region the form must declare (the caller's routing; a form of another is refused)
     * @param actor who declares (UNIT, DEPARTMENT or HOST_SYSTEM of the project's agency)
     * @return version 1 of the new goal, a DRAFT
     * @throws io.jixiao.api.model.InvalidInputException naming every row and field of the form that breaks a rule,
     *         or why the file itself is refused; nothing is stored
     */
    GoalVersion importForm(Path file, Charset csvCharset, io.jixiao.api.model.MofDivCode region, Actor actor);

    /**
     * Writes a goal version as a declaration form that imports back to the same goal.
     *
     * @param actor anyone who may read the version
     */
    void exportForm(long goalId, int version, FileFormat format, OutputStream out, Actor actor);
}

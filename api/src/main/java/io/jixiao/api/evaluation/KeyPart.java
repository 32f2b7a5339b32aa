package io.jixiao.api.evaluation;

/**
 * The level-1 parts of a finance key evaluation (财政重点评价) under the decision / process / output / benefit
 * framework (项目支出绩效评价指标体系框架, 财预〔2020〕10号 annex): the evaluator scores decision and process with
 * criteria of their own plan, output and benefit from the project's goal indicators.
 */
public enum KeyPart {
    /** 决策: project approval, performance goals, funding (立项, 绩效目标, 资金投入) */
    DECISION,
    /** 过程: funds management, organisation and implementation (资金管理, 组织实施) — budget execution is scored here */
    PROCESS,
    /** 产出: the goal's output indicators */
    OUTPUT,
    /** 效益: the goal's benefit and satisfaction indicators */
    BENEFIT
}
